namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>
/// One option shown with a message. <paramref name="LabelLanguage"/> is set when the label must be shown
/// in a fixed language, e.g. each language's own name in the language menu.
/// </summary>
public sealed record ChoiceOption(int Number, string Value, string LabelKey, string? LabelLanguage = null);
