namespace MentorBot.Bot.Channels.WebChat;

/// <summary>What a token grants: one conversation, as one user, until <see cref="ExpiresAt"/>.</summary>
public sealed record DirectLineToken(string ConversationId, string UserId, string? Locale, DateTimeOffset ExpiresAt);
