namespace MentorBot.Bot.Dialogs.Rendering;

/// <summary>A Web Chat button: <paramref name="Title"/> is shown, <paramref name="Value"/> is sent back as the reply.</summary>
public sealed record SuggestedAction(string Title, string Value);
