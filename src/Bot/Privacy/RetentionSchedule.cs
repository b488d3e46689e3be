using Quartz;

namespace MentorBot.Bot.Privacy;

/// <summary>
/// Puts the retention job and its daily trigger into the clustered scheduler at startup. Replacing both
/// is safe when several nodes start together (Quartz serialises it with its own row lock) and lets a
/// changed <c>Retention__DailyAt</c> take effect. A run missed while every node was down fires once at startup.
/// </summary>
public sealed class RetentionSchedule(ISchedulerFactory schedulers, RetentionOptions options, ILogger<RetentionSchedule> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<RetentionJob>().WithIdentity(RetentionJob.Key).StoreDurably().Build();
        var at = options.DailyAt;
        var trigger = TriggerBuilder.Create()
            .ForJob(RetentionJob.Key)
            .WithIdentity("retention-daily", "mentorbot")
            .WithSchedule(CronScheduleBuilder.Create($"0 {at.Minute} {at.Hour} * * ?")
                .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, new List<ITrigger> { trigger }, new ScheduleJobOptions { Replace = true }, cancellationToken);
        logger.LogInformation("Retention job scheduled daily at {At} {TimeZone}", at, options.TimeZone);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
