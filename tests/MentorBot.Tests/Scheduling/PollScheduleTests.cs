using MentorBot.Scheduler;
using MentorBot.Scheduler.Jobs;

namespace MentorBot.Tests.Scheduling;

/// <summary>The scheduler's intervals as Hangfire crons (with seconds), and how often the server polls.</summary>
public sealed class PollScheduleTests
{
    [Theory]
    [InlineData("00:00:00.1", "* * * * * *", "under a second: every second, Hangfire's finest")]
    [InlineData("00:00:01", "* * * * * *", "the tests' one second")]
    [InlineData("00:00:15", "*/15 * * * * *", "the default prompt poll")]
    [InlineData("00:00:07", "*/7 * * * * *", "a step that does not divide the minute restarts at :00: shorter, never longer")]
    [InlineData("00:00:59", "*/59 * * * * *", "just under a minute stays in seconds")]
    [InlineData("00:01:00", "0 * * * * *", "the default planner: every minute")]
    [InlineData("00:05:30", "0 */5 * * * *", "minutes round down")]
    [InlineData("01:00:00", "0 0 * * * *", "every hour")]
    [InlineData("06:00:00", "0 0 */6 * * *", "every six hours")]
    [InlineData("1.00:00:00", "0 0 0 * * *", "a day: the longest PlanInterval")]
    public void An_interval_becomes_a_cron_that_fires_at_least_as_often(string interval, string cron, string reason)
    {
        Assert.True(PollSchedule.Cron(TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)) == cron, reason);
    }

    [Theory]
    [InlineData("00:00:00.1", "00:01:00", "00:00:01", "never under a second")]
    [InlineData("00:00:05", "00:01:00", "00:00:05", "the shorter interval")]
    [InlineData("00:01:00", "00:00:03", "00:00:03", "the planner's when it is the shorter")]
    [InlineData("00:00:15", "00:01:00", "00:00:15", "the defaults")]
    [InlineData("00:10:00", "01:00:00", "00:00:15", "never over Hangfire's default of 15 s")]
    public void The_server_polls_as_often_as_the_shortest_interval_between_1_and_15_seconds(string prompts, string plan, string expected, string reason)
    {
        var options = new SchedulerOptions
        {
            PromptPollInterval = TimeSpan.Parse(prompts, System.Globalization.CultureInfo.InvariantCulture),
            PlanInterval = TimeSpan.Parse(plan, System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.True(PollSchedule.ServerPolling(options) == TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reason);
    }
}
