using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Understanding;

/// <summary>Which supported language a reply names: "arabic", "عربي", "dansk", or a code such as "ar".</summary>
public static class LanguageNameReader
{
    public static string? Read(string reply, LocaleCatalog catalog) => Read(TextNormalizer.Words(reply), catalog);

    public static string? Read(IReadOnlyList<string> words, LocaleCatalog catalog)
    {
        var names = new PhraseFinder<string>();
        foreach (var (language, keywords) in catalog.AllOwnKeywords())
        {
            names.Add(language, [language, .. keywords.LanguageNames]);
        }
        return names.TryMatchWhole(words, out var found) ? found : null;
    }
}
