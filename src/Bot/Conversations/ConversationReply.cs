using MentorBot.Bot.Dialogs.Engine;

namespace MentorBot.Bot.Conversations;

/// <summary>What one turn produced: the messages to send, in order, channel-neutral (the caller renders and queues them).</summary>
public sealed record ConversationReply(IReadOnlyList<OutboundMessage> Messages)
{
    public static ConversationReply Silent { get; } = new([]);
}
