using Hangfire;
using MentorBot.Data;
using MentorBot.Scheduler.Jobs;
using Npgsql;

namespace MentorBot.Scheduler.Prompts;

/// <summary>Runs <see cref="MatchLifePlanner"/>: the reminders, expiries, check-ins, at-risk flags, ends and event reminders that time brings.</summary>
[AutomaticRetry(Attempts = 0)] // the next firing is the retry
[ShortHistory(minutes: 60)]
public sealed class PromptPlanningJob(MentorBotDb db, TimeProvider clock, NpgsqlDataSource dataSource)
{
    public const string Id = "prompt-planning";

    [JobDisplayName("Prompt planning")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // One run at a time without queueing up: a firing that finds the last one still planning has nothing to add.
        await using var held = await ClusterLock.TryTakeAsync(dataSource, JobLocks.PlanningRun, cancellationToken);
        if (held is not null)
        {
            await new MatchLifePlanner(db, clock).PlanAsync(cancellationToken);
        }
    }
}
