using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Conversations;

/// <summary>What one turn produced: the messages to send, in order, channel-neutral (the caller renders and queues them).</summary>
public sealed record ConversationReply(IReadOnlyList<OutboundMessage> Messages)
{
    /// <summary>
    /// Who she is after the turn when it merged her with her other self (linking her phone): the
    /// replies belong to this participant. Null: the one the turn started with.
    /// </summary>
    public Participant? MergedInto { get; init; }

    public static ConversationReply Silent { get; } = new([]);
}
