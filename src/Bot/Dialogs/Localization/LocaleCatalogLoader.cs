using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MentorBot.Bot.Dialogs.Localization;

/// <summary>
/// Reads <c>locales/languages.yaml</c> and, per language, every <c>locales/&lt;lang&gt;/&lt;area&gt;.yaml</c>
/// (flat key → text, one file per area: common, signup, report…) and every <c>keywords.yaml</c> or
/// <c>&lt;area&gt;.keywords.yaml</c> (words understood in replies; lists from several files are joined).
/// A key defined twice for one language is an error naming both files. Extra folders (e.g. test-only
/// texts) are layered on top: their keys are added to the same languages.
/// </summary>
public static class LocaleCatalogLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static LocaleCatalog Load(string localesDirectory, params string[] extraMessageDirectories)
    {
        var languagesFile = Read<LanguagesFileYaml>(Path.Combine(localesDirectory, "languages.yaml"))
            ?? throw new InvalidDataException($"{localesDirectory}/languages.yaml is empty.");
        var baseLanguage = languagesFile.Base ?? throw new InvalidDataException("languages.yaml: base is missing.");
        var languages = languagesFile.Languages ?? [];

        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var keywords = new Dictionary<string, LanguageKeywords>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            var definedIn = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var directory in new[] { localesDirectory }.Concat(extraMessageDirectories))
            {
                foreach (var file in FilesOf(directory, language).Where(f => !IsKeywordsFile(f)))
                {
                    foreach (var (key, text) in Read<Dictionary<string, string>>(file) ?? [])
                    {
                        if (definedIn.TryGetValue(key, out var other))
                        {
                            throw new InvalidDataException($"{file}: key '{key}' is already defined in {other}.");
                        }

                        merged[key] = text;
                        definedIn[key] = file;
                    }
                }
            }
            texts[language] = merged;
            keywords[language] = FilesOf(localesDirectory, language).Where(IsKeywordsFile)
                .Select(file => ToKeywords(Read<KeywordsFileYaml>(file)))
                .Aggregate(LanguageKeywords.Empty, (all, file) => all.With(file));
        }

        return new LocaleCatalog(baseLanguage, languages, (languagesFile.RightToLeft ?? []).ToHashSet(), texts, keywords);
    }

    private static IEnumerable<string> FilesOf(string directory, string language)
    {
        var folder = Path.Combine(directory, language);
        // Files starting with a dot (.source-hashes.yaml, written by `locales import`) are not texts.
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.yaml").Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)
            : [];
    }

    private static bool IsKeywordsFile(string path)
    {
        var name = Path.GetFileName(path);
        return name == "keywords.yaml" || name.EndsWith(".keywords.yaml", StringComparison.Ordinal);
    }

    private static T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            return Deserializer.Deserialize<T>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private static LanguageKeywords ToKeywords(KeywordsFileYaml? file)
    {
        if (file is null) return LanguageKeywords.Empty;
        return new LanguageKeywords
        {
            Yes = file.Yes ?? [],
            No = file.No ?? [],
            Skip = file.Skip ?? [],
            ListJoiners = file.ListJoiners ?? [],
            Today = file.Today ?? [],
            Tomorrow = file.Tomorrow ?? [],
            LanguageNames = file.LanguageNames ?? [],
            Greetings = file.Greetings ?? [],
            Commands = ByEnum<GlobalCommand>(file.Commands),
            Weekdays = ByEnum<DayOfWeek>(file.Weekdays),
            Numbers = (file.Numbers ?? []).ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value),
            Choices = (file.Choices ?? []).ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value),
        };
    }

    // "monday" → DayOfWeek.Monday, "restart" → GlobalCommand.Restart; a typo fails loudly.
    private static Dictionary<TEnum, IReadOnlyList<string>> ByEnum<TEnum>(Dictionary<string, List<string>>? section)
        where TEnum : struct, Enum =>
        (section ?? []).ToDictionary(
            pair => Enum.TryParse<TEnum>(pair.Key, ignoreCase: true, out var value)
                ? value
                : throw new InvalidDataException($"keywords.yaml: '{pair.Key}' is not a {typeof(TEnum).Name}."),
            pair => (IReadOnlyList<string>)pair.Value);
}
