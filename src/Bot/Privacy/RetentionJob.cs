using Hangfire;
using MentorBot.Scheduler.Jobs;
using Npgsql;

namespace MentorBot.Bot.Privacy;

/// <summary>
/// The daily retention run, a Hangfire recurring job on the bot nodes' queue (it needs the bot's privacy services;
/// a scheduler-only worker does not serve that queue). It fires on one node; a cluster lock keeps a late run from
/// overlapping a slow one anywhere; and the sweep itself is idempotent, so a run recovered on another node after a
/// crash simply finishes the work.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class RetentionJob(RetentionSweep sweep, NpgsqlDataSource dataSource)
{
    public const string Id = "retention";

    [JobDisplayName("Retention sweep")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var held = await ClusterLock.TryTakeAsync(dataSource, JobLocks.Retention, cancellationToken);
        if (held is not null)
        {
            await sweep.ApplyAsync(cancellationToken);
        }
    }
}
