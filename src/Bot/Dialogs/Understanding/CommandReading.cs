namespace MentorBot.Bot.Dialogs.Understanding;

/// <summary>
/// A global command found in a reply; for LANGUAGE, the language named with it, if any ("language arabic"),
/// and the words that named it as she wrote them ("arabic").
/// </summary>
public sealed record CommandReading(GlobalCommand Command, string? Language = null, string? LanguageAsWritten = null);
