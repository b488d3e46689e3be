namespace MentorBot.Bot.Channels.WebChat;

/// <summary>A web-chat conversation as the Direct Line endpoints need it: our row's id, the Direct Line id, and its user.</summary>
public sealed record WebChatConversation(Guid Id, string ConversationId, string UserId);
