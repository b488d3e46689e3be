using Hangfire;
using MentorBot.Scheduler.Jobs;
using Npgsql;

namespace MentorBot.Scheduler.Prompts;

/// <summary>
/// One dispatch lane's run: drains the due prompts (<see cref="PromptDispatcher"/>) unless the lane's previous
/// run still does, here or on another node. Each lane is a recurring job of its own, so up to
/// <c>Scheduler__DispatchLanes</c> runs drain together, sharing the prompts through FOR UPDATE SKIP LOCKED.
/// </summary>
[AutomaticRetry(Attempts = 0)] // the lane's next firing, a poll interval later, is the retry
[ShortHistory(minutes: 60)]
public sealed class PromptDispatchJob(PromptDispatcher dispatcher, NpgsqlDataSource dataSource)
{
    [JobDisplayName("Prompt dispatch, lane {0}")]
    public async Task RunAsync(int lane, CancellationToken cancellationToken)
    {
        await using var held = await ClusterLock.TryTakeAsync(dataSource, JobLocks.DispatchLane(lane), cancellationToken);
        if (held is null)
        {
            return; // the lane's earlier run is still draining
        }

        await dispatcher.DrainAsync(handedOverOnly: false, cancellationToken);
    }
}
