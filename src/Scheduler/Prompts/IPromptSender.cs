using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Scheduler.Prompts;

/// <summary>
/// What the scheduler asks of the bot: start this prompt's dialog for its person, through the same
/// path as an inbound message, adding the replies to the outbox in <paramref name="db"/>'s unit of work
/// (the scheduler commits it together with the prompt's new status).
/// </summary>
public interface IPromptSender
{
    /// <summary>
    /// False on a scheduler-only node (<see cref="Worker.HandOverPromptSender"/>): it cannot run dialogs, so a
    /// prompt that may go out is marked <see cref="PromptStatus.Ready"/> for the bot nodes instead of sent.
    /// </summary>
    bool StartsDialogs => true;

    /// <summary>
    /// Called before a batch's <see cref="SendAsync"/> calls with the prompts it may send and their people (one prompt
    /// per person), in the same unit of work: a sender may read what it needs for all of them at once. The batch ends
    /// with the unit of work.
    /// </summary>
    Task PrepareAsync(MentorBotDb db, IReadOnlyCollection<(ScheduledPrompt Prompt, Participant Person)> batch, CancellationToken cancellationToken) => Task.CompletedTask;

    Task SendAsync(MentorBotDb db, ScheduledPrompt prompt, Participant person, CancellationToken cancellationToken);
}
