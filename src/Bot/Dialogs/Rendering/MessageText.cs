using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Rendering;

/// <summary>The words of a message in its language, shared by every channel's renderer.</summary>
public static class MessageText
{
    public static string Body(OutboundMessage message, LocaleCatalog catalog) =>
        message.WrittenIn is { Count: > 0 } languages
            ? string.Join('\n', languages.Select(language => catalog.Format(language, message.Key, message.Arguments)))
            : catalog.Format(message.Language, message.Key, message.Arguments);

    public static string Label(ChoiceOption option, OutboundMessage message, LocaleCatalog catalog) =>
        catalog.Text(option.LabelLanguage ?? message.Language, option.LabelKey);

    /// <summary>
    /// Options as "1. Yes". Digits stay Latin in every script: phones show them everywhere, and the
    /// readers accept Arabic-Indic and Persian digits in replies anyway.
    /// </summary>
    public static IEnumerable<string> NumberedOptions(OutboundMessage message, LocaleCatalog catalog) =>
        message.Choices.Select(option => $"{option.Number}. {Label(option, message, catalog)}");

    /// <summary>Body, numbered options and skip hint, one per line: the full text of a message.</summary>
    public static string Full(OutboundMessage message, LocaleCatalog catalog)
    {
        IEnumerable<string> lines = [Body(message, catalog), .. NumberedOptions(message, catalog)];
        if (message.CanSkip) lines = lines.Append(catalog.Text(message.Language, "common.skip_hint"));
        return string.Join('\n', lines);
    }
}
