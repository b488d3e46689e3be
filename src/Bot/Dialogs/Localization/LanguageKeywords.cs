namespace MentorBot.Bot.Dialogs.Localization;

/// <summary>
/// The words a language uses for answers that are not free text. Phrases are stored as written in the
/// locale file; readers normalise them the same way as the reply before comparing.
/// </summary>
public sealed record LanguageKeywords
{
    public IReadOnlyList<string> Yes { get; init; } = [];
    public IReadOnlyList<string> No { get; init; } = [];
    public IReadOnlyList<string> Skip { get; init; } = [];
    public IReadOnlyList<string> ListJoiners { get; init; } = [];
    public IReadOnlyList<string> Today { get; init; } = [];
    public IReadOnlyList<string> Tomorrow { get; init; } = [];

    /// <summary>Names a person may use for this language ("arabic", "عربي"), to switch to it.</summary>
    public IReadOnlyList<string> LanguageNames { get; init; } = [];

    /// <summary>
    /// Greetings and common words typical of this language ("hej", "salaan", "مرحبا"): a first message from
    /// someone the bot does not know is read with them to guess her language. Not merged along the fallback
    /// chain: a word only tells which language it belongs to.
    /// </summary>
    public IReadOnlyList<string> Greetings { get; init; } = [];

    public IReadOnlyDictionary<GlobalCommand, IReadOnlyList<string>> Commands { get; init; } = new Dictionary<GlobalCommand, IReadOnlyList<string>>();
    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<string>> Weekdays { get; init; } = new Dictionary<DayOfWeek, IReadOnlyList<string>>();
    public IReadOnlyDictionary<int, IReadOnlyList<string>> Numbers { get; init; } = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>Choice value → words that pick it ("it" → "computer", "software").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Choices { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public static LanguageKeywords Empty { get; } = new();

    /// <summary>
    /// This language's words plus the fallback's. A person writing Arabic may still answer "ok" or "no",
    /// so replies are understood in the whole fallback chain, not only the first language.
    /// </summary>
    public LanguageKeywords With(LanguageKeywords fallback) => new()
    {
        Yes = [.. Yes, .. fallback.Yes],
        No = [.. No, .. fallback.No],
        Skip = [.. Skip, .. fallback.Skip],
        ListJoiners = [.. ListJoiners, .. fallback.ListJoiners],
        Today = [.. Today, .. fallback.Today],
        Tomorrow = [.. Tomorrow, .. fallback.Tomorrow],
        LanguageNames = [.. LanguageNames, .. fallback.LanguageNames],
        Greetings = [.. Greetings, .. fallback.Greetings],
        Commands = Merge(Commands, fallback.Commands),
        Weekdays = Merge(Weekdays, fallback.Weekdays),
        Numbers = Merge(Numbers, fallback.Numbers),
        Choices = Merge(Choices, fallback.Choices),
    };

    private static Dictionary<TKey, IReadOnlyList<string>> Merge<TKey>(
        IReadOnlyDictionary<TKey, IReadOnlyList<string>> first,
        IReadOnlyDictionary<TKey, IReadOnlyList<string>> second) where TKey : notnull
    {
        var merged = first.ToDictionary(pair => pair.Key, pair => pair.Value);
        foreach (var (key, words) in second)
        {
            merged[key] = merged.TryGetValue(key, out var existing) ? [.. existing, .. words] : words;
        }
        return merged;
    }
}
