using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MentorBot.Scheduler.Prompts;
using Quartz;

namespace MentorBot.Scheduler;

public static class SchedulerSetup
{
    /// <summary>The cluster-wide scheduler name: every node must use the same one to share the work.</summary>
    public const string InstanceName = "mentorbot";

    /// <summary>
    /// Quartz with its persistent PostgreSQL store in MentorBot's database, clustered: every node runs
    /// the same scheduler, a row lock in qrtz_locks makes each trigger fire on one node only, and a node
    /// that stops checking in has its work taken over. Quartz creates its qrtz_* tables when missing.
    /// </summary>
    public static IServiceCollection AddMentorBotScheduler(this IServiceCollection services, string connectionString, SchedulerOptions options)
    {
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = InstanceName;
                scheduler.GenerateInstanceId = true;
                scheduler.IdleWaitTime = IdleWait(options);
            });
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = options.MaxConcurrency);
            // Due prompts are polled: a fixed delay measured from the end of the previous run, so a long
            // run never overlaps itself, and every node may take a turn (a trigger fires on one node only).
            quartz.AddJob<PromptDispatchJob>(job => job.WithIdentity(PromptDispatchJob.Key).StoreDurably());
            // One trigger fires on one node at a time, so one trigger would leave every other node idle
            // while 10,000 prompts are due: each lane is a trigger of its own, and the lanes' runs share
            // the due prompts through FOR UPDATE SKIP LOCKED.
            for (var lane = 0; lane < Math.Max(1, options.DispatchLanes); lane++)
            {
                var key = DispatchLanes.Key(lane);
                quartz.AddTrigger(trigger => trigger
                    .ForJob(PromptDispatchJob.Key)
                    .WithIdentity(key)
                    .WithSimpleSchedule(schedule => schedule.WithInterval(options.PromptPollInterval).RepeatForever().MeasureIntervalFromCompletion(true)));
            }
            // What time brings (reminders, expiries, check-ins, at-risk flags, ends, event reminders) is
            // planned by one pass over the open matches and events, on one node at a time.
            quartz.AddJob<PromptPlanningJob>(job => job.WithIdentity(PromptPlanningJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(PromptPlanningJob.Key)
                .WithIdentity("prompt-planning-every", "mentorbot")
                // A fixed rate, not measured from completion: the job may not overlap itself anyway
                // ([DisallowConcurrentExecution]), and measured from completion a 0.1 s planner fired only every 30-60 s
                // on the clustered store (a DisallowConcurrentExecution job's next time is not seen by the sleeping
                // scheduler thread, quartznet#396); at a fixed rate it fired more often, though still late at times.
                .WithSimpleSchedule(schedule => schedule.WithInterval(options.PlanInterval).RepeatForever()));
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering(cluster => cluster.CheckinInterval = options.CheckinInterval);
                store.UseSystemTextJsonSerializer(_ => { });
                store.ProvisionSchema();
            });
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddHostedService(provider => new RetiredDispatchLanes(
            provider.GetRequiredService<ISchedulerFactory>(), options, provider.GetRequiredService<ILogger<RetiredDispatchLanes>>()));
        return services;
    }

    /// <summary>
    /// How long Quartz's scheduler thread sleeps when it sees nothing due: as long as the shortest job interval,
    /// between 1 s (Quartz's minimum) and its default of 30 s. A trigger measured from its job's completion, on a
    /// job that may not overlap itself (the planner), gets its next time when the run ends, and a sleeping thread
    /// does not see it (quartznet#396): with the default, a planner every second ran every 30 s.
    /// </summary>
    static TimeSpan IdleWait(SchedulerOptions options)
    {
        var shortest = options.PromptPollInterval < options.PlanInterval ? options.PromptPollInterval : options.PlanInterval;
        return shortest < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : shortest > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : shortest;
    }
}
