namespace MentorBot.Bot.Channels.WebChat;

/// <summary>Who is calling: a server holding the secret (any conversation), or a client holding a token for one conversation.</summary>
public sealed record DirectLineCaller(DirectLineToken? Token)
{
    public bool HasSecret => Token is null;

    /// <summary>Whether the caller may act in <paramref name="conversationId"/>.</summary>
    public bool MayUse(string conversationId) => Token is null || Token.ConversationId == conversationId;
}
