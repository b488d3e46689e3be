namespace MentorBot.Bot.Conversations;

/// <summary>
/// What happens with a message a person sent, once the channel has stored it: the dialog engine plugs
/// in here. It runs inside the channel's open transaction, after the inbound rows are written and
/// before the final SaveChanges, so every reply it queues (<see cref="InboundMessageContext.QueueReply"/>)
/// commits atomically with the inbound message. If it throws, everything it did is rolled back (to a
/// savepoint) and the error logged, but her message is kept. It is not called for an opt-out keyword
/// (STOP…): nothing may be said to her after that.
/// </summary>
public interface IInboundMessageProcessor
{
    Task ProcessAsync(InboundMessageContext context, CancellationToken ct);
}
