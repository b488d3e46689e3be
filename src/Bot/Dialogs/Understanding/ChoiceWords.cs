namespace MentorBot.Bot.Dialogs.Understanding;

/// <summary>One option of a question: its stored value, the number shown, and the words that pick it.</summary>
public sealed record ChoiceWords(string Value, int Number, IReadOnlyList<string> Phrases);
