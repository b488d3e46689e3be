using Hangfire;
using Hangfire.Storage;
using MentorBot.Scheduler.Prompts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Scheduler.Jobs;

/// <summary>
/// Every scheduler node puts the recurring jobs into Hangfire's storage at start: the planner and one job per
/// dispatch lane. Doing it on every node is safe (an update of the same ids, serialised by Hangfire's lock) and
/// lets changed intervals take effect; each firing then runs on one node only.
/// </summary>
/// <remarks>
/// Lanes above <c>Scheduler__DispatchLanes</c> are removed: Hangfire keeps a recurring job until it is deleted, so
/// lanes 2 and 3 of an earlier <c>DispatchLanes=4</c> would otherwise fire for ever. In a cluster the last node
/// started wins; that is safe either way, since lanes only decide how many dispatch runs go on at once and every
/// lane drains the same prompts through FOR UPDATE SKIP LOCKED. Roll a change of lanes out to every node.
/// </remarks>
public sealed class RecurringJobsRegistration(IRecurringJobManager jobs, JobStorage storage, SchedulerOptions options, ILogger<RecurringJobsRegistration> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A firing missed while every node was down is of no use later: the next one polls anyway.
        var polling = new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Ignorable };
        jobs.AddOrUpdate<PromptPlanningJob>(PromptPlanningJob.Id, JobQueues.Scheduler, job => job.RunAsync(CancellationToken.None), PollSchedule.Cron(options.PlanInterval), polling);
        var lanes = Math.Max(1, options.DispatchLanes);
        for (var lane = 0; lane < lanes; lane++)
        {
            var number = lane;
            jobs.AddOrUpdate<PromptDispatchJob>(DispatchLanes.JobId(number), JobQueues.Scheduler, job => job.RunAsync(number, CancellationToken.None), PollSchedule.Cron(options.PromptPollInterval), polling);
        }

        using var connection = storage.GetConnection();
        var existing = connection.GetAllItemsFromSet("recurring-jobs");
        for (var lane = lanes; lane < DispatchLanes.Max; lane++)
        {
            if (existing.Contains(DispatchLanes.JobId(lane)))
            {
                jobs.RemoveIfExists(DispatchLanes.JobId(lane));
                logger.LogInformation("Removed dispatch lane {Lane} ({Job}): Scheduler__DispatchLanes is {Lanes}", lane, DispatchLanes.JobId(lane), lanes);
            }
        }

        logger.LogInformation("Recurring jobs registered: planning {PlanCron}, {Lanes} dispatch lanes {DispatchCron}",
            PollSchedule.Cron(options.PlanInterval), lanes, PollSchedule.Cron(options.PromptPollInterval));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
