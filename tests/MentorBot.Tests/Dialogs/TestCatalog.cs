using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Tests.Dialogs;

/// <summary>The real locale files, loaded once, plus test-only texts for the step-kind dialogs.</summary>
internal static class TestCatalog
{
    private static readonly Lazy<LocaleCatalog> Catalog = new(() =>
        LocaleCatalogLoader.Load(TestPaths.Locales, TestPaths.InTestData("Transcripts", "locales")));

    public static LocaleCatalog Instance => Catalog.Value;

    public static LanguageKeywords Keywords(string language) => Instance.Keywords(language);
}
