using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MentorBot.Scheduler.Prompts;

/// <summary>
/// Removes the dispatch triggers of lanes a lower <c>Scheduler__DispatchLanes</c> no longer has. Quartz's
/// persistent store only adds and replaces the triggers a node configures; it never deletes one, so lanes
/// 2 and 3 of an earlier <c>DispatchLanes=4</c> would keep firing for ever.
/// </summary>
/// <remarks>
/// Why "the last node started wins": the lanes are one setting of the whole cluster, and a node of the older
/// configuration still running may re-add its lanes when it restarts. Removing them is safe either way:
/// lanes only decide how many dispatch runs may go on at once — every lane runs the same job, whose runs
/// share the due prompts through FOR UPDATE SKIP LOCKED — so fewer lanes never lose a prompt, and a run of a
/// removed lane already under way finishes (unscheduling does not interrupt it). Keeping extra lanes until
/// every node agrees would need a cluster-wide vote for no gain. Roll a change of lanes out to every node.
/// </remarks>
public sealed class RetiredDispatchLanes(ISchedulerFactory schedulers, SchedulerOptions options, ILogger<RetiredDispatchLanes> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Registered after Quartz's hosted service; GetScheduler also schedules this node's configured lanes
        // first (once per process), so what is removed here cannot come back from this node.
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var lanes = Math.Max(1, options.DispatchLanes);
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(DispatchLanes.Group), cancellationToken))
        {
            if (DispatchLanes.LaneOf(key) is { } lane && lane >= lanes && await scheduler.UnscheduleJob(key, cancellationToken))
            {
                logger.LogInformation("Removed dispatch lane {Lane} ({Trigger}): Scheduler__DispatchLanes is {Lanes}", lane, key.Name, lanes);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
