using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Understanding;

/// <summary>
/// Guesses the language of someone the bot does not know yet from what she wrote: the script and its
/// distinctive letters (<see cref="WritingScript"/>), then the greetings and common words of each language
/// (<c>greetings</c> in <c>locales/&lt;lang&gt;/keywords.yaml</c>), then what her browser says (web chat's
/// activity locale and <c>navigator.languages</c>). Pure: the catalog and the text in, a guess out.
/// </summary>
public static class FirstMessageLanguage
{
    // More candidates than this is no guess at all (a Latin-script message without a known word could be
    // any of six languages): she gets the whole menu instead of a shuffled one.
    const int MostOffered = 3;

    public static LanguageGuess Guess(string text, LocaleCatalog catalog, IReadOnlyList<string>? hints = null)
    {
        var hinted = Hinted(hints ?? [], catalog);
        var script = WritingScript.Of(TextNormalizer.RemoveInvisible(text));
        if (script is null)
        {
            return hinted.Count > 0 ? LanguageGuess.Sure(hinted[0]) : LanguageGuess.None;
        }

        var written = catalog.SupportedLanguages.Where(language => ScriptOfLanguage(language, catalog) == script).ToList();
        var candidates = WritingScript.Narrow(text, written);
        var greeted = Greeted(text, candidates, catalog);
        var pool = greeted.Count > 0 ? greeted : candidates;
        if (pool.Count == 1)
        {
            return LanguageGuess.Sure(pool[0]);
        }

        // "سلام" from a browser set to Persian is Persian; from one set to Danish it is still a question.
        if (hinted.FirstOrDefault(pool.Contains) is { } fromBrowser)
        {
            return LanguageGuess.Sure(fromBrowser);
        }

        return pool.Count is > 0 and <= MostOffered ? new LanguageGuess(pool) : LanguageGuess.None;
    }

    /// <summary>The script a language is written in: that of its own name.</summary>
    public static string? ScriptOfLanguage(string language, LocaleCatalog catalog) =>
        catalog.TryText(language, "language.name") is { } name ? WritingScript.Of(name) : null;

    /// <summary>Supported languages named by browser tags ("fa-IR", "en-US"), in her order, once each.</summary>
    public static IReadOnlyList<string> Hinted(IEnumerable<string?> hints, LocaleCatalog catalog) =>
        hints.OfType<string>()
            .Select(tag => tag.Trim().Split('-', '_')[0].ToLowerInvariant())
            .Where(catalog.SupportedLanguages.Contains)
            .Distinct()
            .ToList();

    // The languages with the most greetings and common words in the text. A word two languages share
    // ("سلام") counts for both; "سلام، چطوری" has one more Persian word, so it is Persian.
    static List<string> Greeted(string text, IReadOnlyList<string> candidates, LocaleCatalog catalog)
    {
        var words = TextNormalizer.Words(text);
        var hits = candidates.ToDictionary(
            language => language,
            language => new PhraseFinder<string>().Add(language, catalog.OwnKeywords(language).Greetings).FindAll(words).Count);
        var most = hits.Values.DefaultIfEmpty(0).Max();
        return most == 0 ? [] : candidates.Where(language => hits[language] == most).ToList();
    }
}
