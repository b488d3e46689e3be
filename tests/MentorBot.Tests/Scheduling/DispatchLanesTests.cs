using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Scheduling;

/// <summary>Lowering <c>Scheduler__DispatchLanes</c> removes the surplus lanes' recurring jobs from Hangfire's storage at the next start.</summary>
public sealed class DispatchLanesTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Restarting_with_fewer_lanes_removes_the_old_lanes_jobs_and_prompts_still_all_go_out()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using (var four = await BotProcess.ServeAsync(Environment(database, lanes: 4)))
        {
            Assert.Equal(["prompt-dispatch-0", "prompt-dispatch-1", "prompt-dispatch-2", "prompt-dispatch-3"], await LanesAsync(database));
        }

        var phones = await DuePrompts.SeedAsync(database, 20, "lanes-test", "+4533");
        await using var two = await BotProcess.ServeAsync(Environment(database, lanes: 2));

        Assert.Equal(["prompt-dispatch-0", "prompt-dispatch-1"], await LanesAsync(database));
        Assert.Contains("Removed dispatch lane 3", two.Output, StringComparison.Ordinal);
        await TwilioTestEnvironment.Eventually(async () =>
        {
            await using var db = TestDb.Open(database);
            return await db.ScheduledPrompts.CountAsync(p => p.Status == PromptStatus.Sent) == phones.Count;
        }, "every prompt sent with two lanes", seconds: 120);
        await using var check = TestDb.Open(database);
        Assert.All(await check.ScheduledPrompts.ToListAsync(), p => Assert.Equal((PromptStatus.Sent, 1), (p.Status, p.Attempts)));
    }

    static Dictionary<string, string?> Environment(string database, int lanes)
    {
        var environment = TwilioTestEnvironment.Simulator(database);
        environment["Scheduler__Enabled"] = "true";
        environment["Scheduler__DispatchLanes"] = lanes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Scheduler__PromptPollInterval"] = "00:00:01";
        environment["Scheduler__CheckinInterval"] = "00:00:01";
        environment["Retention__Enabled"] = "false";
        return environment;
    }

    static async Task<List<string>> LanesAsync(string database) =>
        (await TestSql.RowsAsync(database, "SELECT value FROM hangfire.set WHERE key = 'recurring-jobs' AND value LIKE 'prompt-dispatch-%' ORDER BY value"))
            .Select(row => (string)row[0]).ToList();
}
