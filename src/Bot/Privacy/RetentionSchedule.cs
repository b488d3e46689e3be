using System.Globalization;
using Hangfire;
using MentorBot.Scheduler.Jobs;

namespace MentorBot.Bot.Privacy;

/// <summary>
/// Puts the daily retention job into Hangfire at startup. Every node updating the same id is safe (Hangfire
/// serialises it) and lets a changed <c>Retention__DailyAt</c> take effect. A run missed while every node was
/// down fires once when one is back (Hangfire's default misfire handling).
/// </summary>
public sealed class RetentionSchedule(IRecurringJobManager jobs, RetentionOptions options, ILogger<RetentionSchedule> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var at = options.DailyAt;
        var cron = string.Create(CultureInfo.InvariantCulture, $"{at.Minute} {at.Hour} * * *");
        jobs.AddOrUpdate<RetentionJob>(RetentionJob.Id, JobQueues.Bot, job => job.RunAsync(CancellationToken.None), cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone) });
        logger.LogInformation("Retention job scheduled daily at {At} {TimeZone}", at, options.TimeZone);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
