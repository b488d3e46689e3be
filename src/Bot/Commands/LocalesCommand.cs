using MentorBot.Bot.Dialogs.Localization;
using MentorBot.Bot.Dialogs.Localization.Translation;
using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Commands;

/// <summary>
/// The translators' round trip, on the repository's <c>locales/</c> (found from the current folder up, or
/// <c>--locales DIR</c>); no database, no server:
/// <list type="bullet">
/// <item><c>locales export --lang so [--format po|xliff] [--out FILE]</c>: every key as a PO or XLIFF 1.2 file for Weblate, Crowdin or Poedit.</item>
/// <item><c>locales import FILE</c> (PO or XLIFF): checks the whole file, then writes the YAML and says what changed; a bad file writes nothing.</item>
/// <item><c>locales status</c>: per language, how many texts are translated, missing and outdated.</item>
/// </list>
/// See docs/translating.md.
/// </summary>
public static class LocalesCommand
{
    public const string Usage = "locales export --lang <code> [--format po|xliff] [--out FILE] | locales import FILE | locales status  [--locales DIR]";

    public static int Run(BotCommand command, TextWriter output)
    {
        var options = Options(command.HostArguments);
        var folders = options.TryGetValue("locales", out var given) ? new LocaleFolders(given) : LocaleFolders.Find(Directory.GetCurrentDirectory());
        if (folders is null || !File.Exists(Path.Combine(folders.Locales, "languages.yaml")))
        {
            output.WriteLine("No locales/languages.yaml here or above: run this from a clone of the repository, or pass --locales DIR.");
            return 2;
        }

        return command.Arguments.FirstOrDefault() switch
        {
            "export" => Export(folders, command.Language, options, output),
            "import" when command.Arguments.Count == 2 => Import(folders, command.Arguments[1], output),
            "status" => Status(folders, output),
            _ => Fail(output, $"Usage: {Usage}"),
        };
    }

    static int Export(LocaleFolders folders, string? language, IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        var catalog = LocaleCatalogLoader.Load(folders.Locales);
        if (language is null || !catalog.SupportedLanguages.Contains(language) || language == catalog.BaseLanguage)
        {
            return Fail(output, $"--lang must be one of {string.Join(", ", catalog.SupportedLanguages.Where(l => l != catalog.BaseLanguage))}.");
        }

        var format = options.GetValueOrDefault("format", "po");
        if (format is not ("po" or "xliff"))
        {
            return Fail(output, "--format is po (gettext) or xliff (XLIFF 1.2); Weblate, Crowdin and Poedit read both.");
        }

        var entries = TranslationSet.For(folders, catalog, language);
        var text = format == "po"
            ? PoFile.Write(language, catalog.BaseLanguage, entries, entry => Note(entry, language, catalog, "remove the fuzzy mark"))
            : XliffFile.Write(language, catalog.BaseLanguage, entries, entry => Note(entry, language, catalog, "set its state to translated"));
        var path = options.GetValueOrDefault("out") ?? $"mentorbot-{language}.{(format == "po" ? "po" : "xlf")}";
        File.WriteAllText(path, text);
        var marked = format == "po" ? "marked fuzzy" : "state needs-review-translation";
        output.WriteLine($"Wrote {path}: {entries.Count} texts, {Count(entries, TranslationState.Missing)} untranslated, {Count(entries, TranslationState.Outdated)} outdated ({marked}).");
        return 0;
    }

    static int Import(LocaleFolders folders, string path, TextWriter output)
    {
        if (!File.Exists(path))
        {
            return Fail(output, $"No file {path}.");
        }

        var result = TranslationImport.Run(folders, File.ReadAllText(path));
        if (!result.Written)
        {
            output.WriteLine($"Nothing was written: {result.Problems.Count} problem(s) in {path}.");
            foreach (var problem in result.Problems) output.WriteLine("  " + problem);
            return 1;
        }

        output.WriteLine($"{result.Language}: {result.Changed.Count} changed, {result.Added.Count} added, {result.Unchanged} unchanged, {result.LeftFuzzy} fuzzy left as they were.");
        foreach (var key in result.Changed) output.WriteLine("  changed " + key);
        foreach (var key in result.Added) output.WriteLine("  added   " + key);
        return 0;
    }

    static int Status(LocaleFolders folders, TextWriter output)
    {
        var catalog = LocaleCatalogLoader.Load(folders.Locales);
        output.WriteLine($"{"language",-10}{"translated",12}{"missing",10}{"outdated",10}");
        foreach (var language in catalog.SupportedLanguages.Where(l => l != catalog.BaseLanguage))
        {
            var entries = TranslationSet.For(folders, catalog, language);
            output.WriteLine($"{language,-10}{Count(entries, TranslationState.Translated),12}{Count(entries, TranslationState.Missing),10}{Count(entries, TranslationState.Outdated),10}");
        }
        return 0;
    }

    // What a translator needs beside the text: the room an SMS leaves, the placeholders, and why an entry is marked.
    static string Note(TranslationEntry entry, string language, LocaleCatalog catalog, string markRemoval)
    {
        var lines = new List<string>
        {
            $"SMS: at most {TranslationChecks.MaxSmsSegments} parts, about {TranslationChecks.SmsBudget(language, catalog)} characters in this language (shorter is better; options are added below questions).",
        };
        var placeholders = MessageTemplate.Placeholders(entry.Source);
        if (placeholders.Count > 0) lines.Add("Keep these exactly as they are: " + string.Join(" ", placeholders.Select(p => "{" + p + "}")));
        if (entry.State == TranslationState.Outdated) lines.Add($"Outdated: the base text changed after this was translated. Check it, then {markRemoval}.");
        return string.Join('\n', lines);
    }

    static int Count(IEnumerable<TranslationEntry> entries, TranslationState state) => entries.Count(e => e.State == state);

    static Dictionary<string, string> Options(IReadOnlyList<string> arguments)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < arguments.Count; i++)
        {
            if (arguments[i].StartsWith("--", StringComparison.Ordinal)) options[arguments[i][2..]] = arguments[++i];
        }
        return options;
    }

    static int Fail(TextWriter output, string message)
    {
        output.WriteLine(message);
        return 2;
    }
}
