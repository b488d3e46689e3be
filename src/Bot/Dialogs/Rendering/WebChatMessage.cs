namespace MentorBot.Bot.Dialogs.Rendering;

/// <summary>A message for Web Chat: the same text as SMS, plus buttons, the locale and the writing direction.</summary>
public sealed record WebChatMessage(string Text, IReadOnlyList<SuggestedAction> SuggestedActions, string Locale, bool RightToLeft);
