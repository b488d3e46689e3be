using System.Collections.Frozen;
using System.Text;
using MentorBot.Bot.Conversations;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// The opt-out and opt-in keywords of every language, from <c>locales/optout.yaml</c>, each language's HELP
/// words, and the rule that a message is one of them only when it is exactly that word.
/// </summary>
public sealed class OptOutKeywords
{
    public const string FileName = "optout.yaml";

    readonly FrozenSet<string> _optOut;
    readonly FrozenSet<string> _optIn;
    readonly FrozenSet<string> _help;

    public OptOutKeywords(IEnumerable<string> optOut, IEnumerable<string> optIn, IEnumerable<string>? help = null)
    {
        _help = (help ?? []).Select(Canonical).Where(k => k.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        _optOut = optOut.Select(Canonical).Where(k => k.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        _optIn = optIn.Select(Canonical).Where(k => k.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        var both = _optOut.Intersect(_optIn).ToList();
        if (both.Count > 0)
        {
            throw new InvalidOperationException($"{FileName}: {string.Join(", ", both)} is both an opt-out and an opt-in keyword.");
        }
    }

    /// <summary>
    /// Twilio's keywords from <c>optout.yaml</c>, plus every language's own STOP and START words: the
    /// <c>commands.stop</c> and <c>commands.start</c> lists of <c>&lt;lang&gt;/keywords.yaml</c> beside it,
    /// the same words the dialogs understand, so "توقف" or "jooji" stops SMS like STOP does.
    /// </summary>
    public static OptOutKeywords Load(string path)
    {
        var lists = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, Dictionary<string, List<string>>>>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is empty.");
        IEnumerable<string> All(string list) => lists.TryGetValue(list, out var byLanguage)
            ? byLanguage.Values.SelectMany(words => words)
            : throw new InvalidOperationException($"{path} has no '{list}' list.");
        var commands = LanguageCommands(Path.GetDirectoryName(path)!);
        return new OptOutKeywords(All("opt_out").Concat(commands.Stop), All("opt_in").Concat(commands.Start), commands.Help);
    }

    static (List<string> Stop, List<string> Start, List<string> Help) LanguageCommands(string localesDirectory)
    {
        var stop = new List<string>();
        var start = new List<string>();
        var help = new List<string>();
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        foreach (var file in Directory.GetDirectories(localesDirectory).Select(d => Path.Combine(d, "keywords.yaml")).Where(File.Exists))
        {
            var commands = deserializer.Deserialize<LanguageKeywordsFile>(File.ReadAllText(file))?.Commands;
            stop.AddRange(commands?.GetValueOrDefault("stop") ?? []);
            start.AddRange(commands?.GetValueOrDefault("start") ?? []);
            help.AddRange(commands?.GetValueOrDefault("help") ?? []);
        }

        return (stop, start, help);
    }

    /// <summary>The part of a language's keywords.yaml this needs.</summary>
    sealed class LanguageKeywordsFile
    {
        public Dictionary<string, List<string>>? Commands { get; set; }
    }

    /// <summary>
    /// What the message does to her opt-out. Twilio's <c>OptOutType</c> (sent with Advanced Opt-Out, which
    /// may know keywords we don't) wins over our own lists.
    /// </summary>
    public OptOutChange Classify(string text, string? optOutType)
    {
        switch (optOutType?.Trim().ToUpperInvariant())
        {
            case "STOP":
                return OptOutChange.OptedOut;
            case "START":
                return OptOutChange.OptedIn;
        }

        var word = Canonical(text);
        return _optOut.Contains(word) ? OptOutChange.OptedOut
            : _optIn.Contains(word) ? OptOutChange.OptedIn
            : OptOutChange.None;
    }

    /// <summary>
    /// Whether the message is exactly a HELP word of any language (HELP, INFO, hjælp, مساعدة…), or Twilio's
    /// Advanced Opt-Out marked it <c>OptOutType=HELP</c>.
    /// </summary>
    public bool IsHelp(string text, string? optOutType) =>
        string.Equals(optOutType?.Trim(), "HELP", StringComparison.OrdinalIgnoreCase) || _help.Contains(Canonical(text));

    /// <summary>Upper case, compatibility-normalised (full-width letters), without punctuation or symbols, whitespace collapsed.</summary>
    static string Canonical(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                result.Append(char.ToUpperInvariant(c));
            }
            else if (char.IsWhiteSpace(c) && result.Length > 0 && result[^1] != ' ')
            {
                result.Append(' ');
            }
        }

        return result.ToString().TrimEnd();
    }
}
