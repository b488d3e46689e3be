using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>
/// Which message key labels an option. A question may word its options itself
/// (<c>signup.ask_field.choice.it</c>); otherwise shared labels are used (<c>choices.it</c>,
/// <c>common.scale.3</c>). Decided in the base language, which is complete.
/// </summary>
public static class LabelKeys
{
    public const string Yes = "common.yes";
    public const string No = "common.no";
    public const string LanguageName = "language.name";

    public static string Choice(LocaleCatalog catalog, string prompt, string value) =>
        Specific(catalog, $"{prompt}.choice.{value}") ?? $"choices.{value}";

    public static string Scale(LocaleCatalog catalog, string prompt, int point) =>
        Specific(catalog, $"{prompt}.scale.{point}") ?? $"common.scale.{point}";

    private static string? Specific(LocaleCatalog catalog, string key) =>
        catalog.HasText(catalog.BaseLanguage, key) ? key : null;
}
