namespace MentorBot.Bot.Dialogs.Understanding;

/// <summary>A keyword phrase found in a reply: what it means and which words it covered.</summary>
public sealed record PhraseMatch<TValue>(TValue Value, int Start, int Length);
