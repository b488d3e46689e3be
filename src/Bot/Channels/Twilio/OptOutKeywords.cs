using System.Collections.Frozen;
using System.Text;
using MentorBot.Bot.Conversations;
using YamlDotNet.Serialization;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// The opt-out and opt-in keywords of every language, from <c>locales/optout.yaml</c>, and the rule
/// that a message is one of them only when it is exactly that word.
/// </summary>
public sealed class OptOutKeywords
{
    public const string FileName = "optout.yaml";

    readonly FrozenSet<string> _optOut;
    readonly FrozenSet<string> _optIn;

    public OptOutKeywords(IEnumerable<string> optOut, IEnumerable<string> optIn)
    {
        _optOut = optOut.Select(Canonical).Where(k => k.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        _optIn = optIn.Select(Canonical).Where(k => k.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        var both = _optOut.Intersect(_optIn).ToList();
        if (both.Count > 0)
        {
            throw new InvalidOperationException($"{FileName}: {string.Join(", ", both)} is both an opt-out and an opt-in keyword.");
        }
    }

    public static OptOutKeywords Load(string path)
    {
        var lists = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, Dictionary<string, List<string>>>>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} is empty.");
        IEnumerable<string> All(string list) => lists.TryGetValue(list, out var byLanguage)
            ? byLanguage.Values.SelectMany(words => words)
            : throw new InvalidOperationException($"{path} has no '{list}' list.");
        return new OptOutKeywords(All("opt_out"), All("opt_in"));
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
