namespace MentorBot.Bot.Dialogs.Localization.Translation;

/// <summary>What an import found: the problems (then nothing was written) or the keys it changed.</summary>
public sealed record ImportResult(string? Language, IReadOnlyList<string> Problems, IReadOnlyList<string> Changed, IReadOnlyList<string> Added, int Unchanged, int LeftFuzzy)
{
    public bool Written => Problems.Count == 0;
}

/// <summary>
/// Reads a translated PO or XLIFF 1.2 file and, only when every entry passes, writes her language's texts and their
/// source hashes. Checks: a supported language other than the base; exactly the base language's keys (none
/// new, none lost); each translation with the base text's placeholders, within the SMS budget, and with
/// sound direction marks in right-to-left languages. Empty translations are left as they were; fuzzy ones
/// (not yet checked by the translator: PO's fuzzy, XLIFF's needs-review states) too.
/// </summary>
public static class TranslationImport
{
    public static ImportResult Run(LocaleFolders folders, string fileText)
    {
        var catalog = LocaleCatalogLoader.Load(folders.Locales);
        string? language;
        IReadOnlyList<TranslatedEntry> entries;
        try
        {
            (language, entries) = Read(fileText);
        }
        catch (InvalidDataException e)
        {
            return Refused(null, e.Message);
        }

        if (language is null || !catalog.SupportedLanguages.Contains(language))
        {
            return Refused(language, $"the file's language (PO's Language header, XLIFF's target-language: '{language}') is not one of {string.Join(", ", catalog.SupportedLanguages)}.");
        }

        if (language == catalog.BaseLanguage)
        {
            return Refused(language, $"{language} is the base language: its texts are written in the YAML files, not translated.");
        }

        var baseTexts = catalog.OwnTexts(catalog.BaseLanguage);
        var expected = TranslationSet.For(folders, catalog, language).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!seen.Add(entry.Key)) problems.Add($"{entry.Key}: is in the file twice.");
            else if (!expected.Contains(entry.Key)) problems.Add($"{entry.Key}: is not a key of the base language (a new key); remove it.");
        }

        problems.AddRange(expected.Where(key => !seen.Contains(key)).Order(StringComparer.Ordinal)
            .Select(key => $"{key}: is missing from the file (a lost key); export again and keep every entry."));
        var wanted = entries.Where(e => expected.Contains(e.Key) && e.Translation.Length > 0 && !e.Fuzzy).ToList();
        foreach (var entry in wanted)
        {
            problems.AddRange(TranslationChecks.Problems(entry.Key, baseTexts[entry.Key], entry.Translation, language, catalog));
        }

        if (problems.Count > 0)
        {
            return new ImportResult(language, problems, [], [], 0, 0);
        }

        var own = catalog.OwnTexts(language);
        var hashes = SourceHashes.Read(folders.Language(language));
        var writes = new Dictionary<string, string>(StringComparer.Ordinal);
        var (changed, added, unchanged) = (new List<string>(), new List<string>(), 0);
        foreach (var entry in wanted)
        {
            // The hash of the text she translated from: if the base text moved on since her export, it stays outdated.
            var hash = SourceHashes.Of(entry.Source);
            var before = own.GetValueOrDefault(entry.Key);
            if (before == entry.Translation && hashes.GetValueOrDefault(entry.Key) == hash)
            {
                unchanged++;
                continue;
            }

            if (before != entry.Translation)
            {
                writes[entry.Key] = entry.Translation;
                (before is null ? added : changed).Add(entry.Key);
            }
            else
            {
                unchanged++;
            }

            hashes[entry.Key] = hash;
        }

        LocaleFileWriter.Apply(folders, catalog.BaseLanguage, language, writes);
        SourceHashes.Write(folders.Language(language), hashes);
        return new ImportResult(language, [], changed, added, unchanged, entries.Count(e => e.Fuzzy && expected.Contains(e.Key)));
    }

    /// <summary>PO or XLIFF, told apart by the first character: an XML file starts with '&lt;', a PO file never does.</summary>
    static (string? Language, IReadOnlyList<TranslatedEntry> Entries) Read(string text) =>
        text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<') ? XliffFile.Read(text) : PoFile.Read(text);

    static ImportResult Refused(string? language, string problem) => new(language, [problem], [], [], 0, 0);
}
