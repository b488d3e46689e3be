namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// What a token grants: one conversation, as one user, until <see cref="ExpiresAt"/>, while its conversation is at
/// <see cref="Generation"/>. <see cref="SessionStart"/> is when the first token of this browser session was issued:
/// refreshes and resumes carry it on, and past <c>DirectLine__MaxSessionAge</c> no token continues the session.
/// </summary>
public sealed record DirectLineToken(string ConversationId, string UserId, string? Locale, DateTimeOffset ExpiresAt, int Generation, DateTimeOffset SessionStart);
