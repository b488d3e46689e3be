namespace MentorBot.Bot.Conversations;

/// <summary>
/// What a channel does with a message she sent: run it through her dialog, and queue the replies in the
/// channel's open unit of work, so they commit together with her message and the dialog's new state.
/// </summary>
public sealed class DialogInboundProcessor(ConversationHost host, ReplyOutbox outbox) : IInboundMessageProcessor
{
    public async Task ProcessAsync(InboundMessageContext context, CancellationToken ct)
    {
        var reply = await host.ReplyAsync(context.Db, context.Participant, context.Conversation, context.Message.Text, ct);
        MessageLog.RecordAnswer(context.Message, reply);
        outbox.Add(context.Db, context.Conversation, reply.MergedInto ?? context.Participant, reply, context.Clock.GetUtcNow());
    }
}
