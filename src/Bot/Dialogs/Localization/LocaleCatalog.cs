namespace MentorBot.Bot.Dialogs.Localization;

/// <summary>
/// All display texts and keywords, per language, read-only. Lookups walk the fallback chain
/// (<c>pt-BR</c> → <c>pt</c> → base), so a language may translate only part of the keys.
/// </summary>
public sealed class LocaleCatalog(
    string baseLanguage,
    IReadOnlyList<string> supportedLanguages,
    IReadOnlySet<string> rightToLeftLanguages,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> textsByLanguage,
    IReadOnlyDictionary<string, LanguageKeywords> keywordsByLanguage)
{
    public string BaseLanguage { get; } = baseLanguage;

    /// <summary>In the order they are offered when a person asks to change language.</summary>
    public IReadOnlyList<string> SupportedLanguages { get; } = supportedLanguages;

    public bool IsRightToLeft(string language) => rightToLeftLanguages.Contains(Chain(language)[0].Split('-')[0]);

    public IReadOnlyList<string> Chain(string language) => LanguageFallback.Chain(language, BaseLanguage);

    public bool HasText(string language, string key) => TryText(language, key) is not null;

    public string? TryText(string language, string key)
    {
        foreach (var tag in Chain(language))
        {
            if (textsByLanguage.TryGetValue(tag, out var texts) && texts.TryGetValue(key, out var text)) return text;
        }
        return null;
    }

    /// <exception cref="KeyNotFoundException">Not even the base language has the key: the locale lint test catches this.</exception>
    public string Text(string language, string key) =>
        TryText(language, key) ?? throw new KeyNotFoundException($"No text for '{key}' in '{language}' or its fallbacks.");

    public string Format(string language, string key, IReadOnlyDictionary<string, string> arguments) =>
        MessageTemplate.Format(Text(language, key), arguments);

    /// <summary>The keys one language defines itself, without fallback (for lint tests).</summary>
    public IReadOnlyDictionary<string, string> OwnTexts(string language) =>
        textsByLanguage.TryGetValue(language, out var texts) ? texts : new Dictionary<string, string>();

    /// <summary>One language's keywords without fallback (for lint tests).</summary>
    public LanguageKeywords OwnKeywords(string language) =>
        keywordsByLanguage.TryGetValue(language, out var keywords) ? keywords : LanguageKeywords.Empty;

    /// <summary>The words understood for a language: its own, then each fallback's.</summary>
    public LanguageKeywords Keywords(string language) =>
        Chain(language).Aggregate(LanguageKeywords.Empty, (merged, tag) => merged.With(OwnKeywords(tag)));

    /// <summary>Every supported language with its own keywords, e.g. to find which one a name like "عربي" means.</summary>
    public IEnumerable<(string Language, LanguageKeywords Keywords)> AllOwnKeywords() =>
        SupportedLanguages.Select(language => (language, OwnKeywords(language)));
}
