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
public sealed class RecurringJobsRegistration(IRecurringJobManager jobs, JobStorage storage, SchedulerOptions options, TimeProvider clock,
    ILogger<RecurringJobsRegistration> logger) : IHostedService, IDisposable
{
    static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    readonly CancellationTokenSource _stopping = new();

    Task _retrying = Task.CompletedTask;

    /// <summary>
    /// Registers at once, as a rule. A node killed (<c>kill -9</c>) while it held a recurring job's lock leaves that lock
    /// in the storage until <c>DistributedLockTimeout</c> passes; Hangfire's update waits 15 s for it and throws, and a
    /// node restarted at once (systemd, a container's restart policy) then died at start for a minute. Instead the
    /// node starts, its scheduler runs the jobs already registered, and the registration is tried again until it takes.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            Register();
        }
        catch (Exception e) when (e is DistributedLockTimeoutException or Hangfire.PostgreSql.PostgreSqlDistributedLockException)
        {
            logger.LogWarning("A recurring job's lock is held, most likely by a node that died holding it; registering the jobs again every {Seconds} s until it is free", RetryEvery.TotalSeconds);
            _retrying = RetryAsync(_stopping.Token);
        }

        return Task.CompletedTask;
    }

    async Task RetryAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryEvery, clock, stopping);
                Register();
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DistributedLockTimeoutException or Hangfire.PostgreSql.PostgreSqlDistributedLockException)
            {
                logger.LogWarning("A recurring job's lock is still held; trying again in {Seconds} s", RetryEvery.TotalSeconds);
            }
        }
    }

    void Register()
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
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Dispose() => _stopping.Dispose();
}
