using System.Globalization;

namespace MentorBot.Scheduler.Jobs;

/// <summary>
/// An interval as the cron expression of a Hangfire recurring job, and how often the server must look.
/// Hangfire's recurring jobs are cron-timed, normally to the minute; a six-field cron with seconds fires under a
/// minute, at most once per the server's schedule polling interval (<see cref="ServerPolling"/>).
/// </summary>
public static class PollSchedule
{
    /// <summary>
    /// "Every n seconds/minutes/hours" in cron. A step that does not divide its unit restarts at the next unit
    /// (*/7 s fires at :00, :07 … :56, then :00): an interval is kept or shortened, never stretched. Under a
    /// second: every second, Hangfire's finest.
    /// </summary>
    public static string Cron(TimeSpan interval) => interval switch
    {
        _ when interval < TimeSpan.FromSeconds(2) => "* * * * * *",
        _ when interval < TimeSpan.FromMinutes(1) => $"*/{Whole(interval.TotalSeconds)} * * * * *",
        _ when interval < TimeSpan.FromMinutes(2) => "0 * * * * *",
        _ when interval < TimeSpan.FromHours(1) => $"0 */{Whole(interval.TotalMinutes)} * * * *",
        _ when interval < TimeSpan.FromHours(2) => "0 0 * * * *",
        _ when interval < TimeSpan.FromDays(1) => $"0 0 */{Whole(interval.TotalHours)} * * *",
        _ => "0 0 0 * * *",
    };

    /// <summary>
    /// How often the server looks for recurring and delayed jobs to fire and for queued jobs to run: the shortest
    /// job interval, between 1 s (a query a second per worker is enough) and Hangfire's default of 15 s.
    /// </summary>
    public static TimeSpan ServerPolling(SchedulerOptions options)
    {
        var shortest = options.PromptPollInterval < options.PlanInterval ? options.PromptPollInterval : options.PlanInterval;
        return shortest < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : shortest > TimeSpan.FromSeconds(15) ? TimeSpan.FromSeconds(15) : shortest;
    }

    static string Whole(double value) => ((int)Math.Floor(value)).ToString(CultureInfo.InvariantCulture);
}
