using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Scheduler.Prompts;

namespace MentorBot.Scheduler.Worker;

/// <summary>
/// The scheduler-only node's sender. Starting a dialog needs the dialog engine, the texts and the
/// channels, which live in the bot (Bot → Scheduler → Data: the scheduler may not reach up into it).
/// So the worker decides when — rules, quiet hours, daily limit, cancellation, the once-per-occurrence
/// claim — and hands the decided prompt over in the database (status <c>ready</c>); every bot node
/// drains ready prompts (<c>src/Bot/Scheduling/HandedOverPrompts.cs</c>) with the same dispatcher,
/// which starts the dialog and marks it sent in the transaction that queues its replies.
/// </summary>
public sealed class HandOverPromptSender : IPromptSender
{
    public bool StartsDialogs => false;

    public Task SendAsync(MentorBotDb db, ScheduledPrompt prompt, Participant person, CancellationToken cancellationToken) => Task.CompletedTask;
}
