using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>Builds the message that asks a question step, with its numbered options.</summary>
internal static class PromptBuilder
{
    public static OutboundMessage Prompt(DialogStep step, string language, LocaleCatalog catalog, IReadOnlyDictionary<string, string> arguments) =>
        new(language, step.Prompt!, arguments, Options(step, catalog), step.Optional);

    public static OutboundMessage LanguageMenu(string language, LocaleCatalog catalog) =>
        new(language, "common.choose_language", new Dictionary<string, string>(), LanguageOptions(catalog.SupportedLanguages));

    /// <summary>
    /// An ask_language step whose first languages are given (her first message could be Arabic, Persian or
    /// Urdu): the question in each of them, those first in the menu, then the rest.
    /// </summary>
    public static OutboundMessage LanguagePrompt(DialogStep step, IReadOnlyList<string> first, LocaleCatalog catalog, IReadOnlyDictionary<string, string> arguments) =>
        new(first[0], step.Prompt!, arguments, LanguageOptions(MenuOrder(first, catalog)), WrittenIn: first);

    /// <summary>The menu's languages with <paramref name="first"/> moved to the top; numbers follow this order.</summary>
    public static IReadOnlyList<string> MenuOrder(IReadOnlyList<string> first, LocaleCatalog catalog) =>
        [.. first, .. catalog.SupportedLanguages.Where(language => !first.Contains(language))];

    // Each language in its own name and script, so she can find hers without reading the current one.
    internal static IReadOnlyList<ChoiceOption> LanguageOptions(IReadOnlyList<string> languages) =>
        languages
            .Select((code, index) => new ChoiceOption(index + 1, code, LabelKeys.LanguageName, LabelLanguage: code))
            .ToList();

    /// <summary>The numbered options a question shows; its reply is read against the same numbers.</summary>
    internal static IReadOnlyList<ChoiceOption> Options(DialogStep step, LocaleCatalog catalog) => step.Kind switch
    {
        StepKind.AskChoice or StepKind.AskMulti => step.Choices
            .Select((value, index) => new ChoiceOption(index + 1, value, LabelKeys.Choice(catalog, step.Prompt!, value)))
            .ToList(),
        StepKind.AskYesNo => [new ChoiceOption(1, "yes", LabelKeys.Yes), new ChoiceOption(2, "no", LabelKeys.No)],
        StepKind.AskScale => Enumerable.Range(StepAnswerReader.ScaleMin, StepAnswerReader.ScaleMax - StepAnswerReader.ScaleMin + 1)
            .Select(point => new ChoiceOption(point, point.ToString(System.Globalization.CultureInfo.InvariantCulture), LabelKeys.Scale(catalog, step.Prompt!, point)))
            .ToList(),
        StepKind.AskLanguage => LanguageOptions(catalog.SupportedLanguages),
        _ => [],
    };
}
