using Quartz;

namespace MentorBot.Bot.Privacy;

/// <summary>
/// The daily retention run. The clustered store fires its trigger on one node; DisallowConcurrentExecution
/// keeps a late run from overlapping a slow one anywhere in the cluster; and the sweep itself is idempotent,
/// so a run recovered on another node after a crash simply finishes the work.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionSweep sweep) : IJob
{
    public static readonly JobKey Key = new("retention", "mentorbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweep.ApplyAsync(cancellationToken);
}
