namespace MentorBot.Bot.Conversations;

/// <summary>
/// The stand-in until the dialog engine is registered as <see cref="IInboundMessageProcessor"/> (a
/// later <c>AddScoped</c> replaces it): messages are stored and acknowledged, and nobody is answered.
/// It must never invent a reply: every word a participant reads comes from the dialogs and locales.
/// </summary>
public sealed class NoReplyProcessor : IInboundMessageProcessor
{
    public Task ProcessAsync(InboundMessageContext context, CancellationToken ct) => Task.CompletedTask;
}
