using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Scheduling;

/// <summary>
/// A node killed while it held a recurring job's Hangfire lock leaves the lock row behind until it expires. A node
/// started meanwhile must start all the same and register the jobs once the lock is free, not die at start.
/// </summary>
public sealed class StaleJobLockTests(PostgresFixture postgres)
{
    const string PlanningLock = "hangfire:lock:recurring-job:prompt-planning";

    [Fact]
    public async Task A_node_started_while_a_dead_nodes_job_lock_is_held_serves_and_registers_its_jobs_once_the_lock_is_free()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using (await BotProcess.ServeAsync(Environment(database, lanes: 4)))
        {
        }

        // What a node killed with kill -9 inside Hangfire's recurring-job scheduler leaves behind.
        await TestSql.ExecuteAsync(database, $"INSERT INTO hangfire.lock (resource, updatecount, acquired) VALUES ('{PlanningLock}', 0, now())");
        await using var node = await BotProcess.ServeAsync(Environment(database, lanes: 2));

        await TwilioTestEnvironment.Eventually(() => Task.FromResult(node.Output.Contains("A recurring job's lock is held", StringComparison.Ordinal)),
            "the node saw the held lock and went on starting", seconds: 60);
        Assert.Equal(4, await LaneCountAsync(database)); // not registered yet: lanes 2 and 3 are still there

        await TestSql.ExecuteAsync(database, $"DELETE FROM hangfire.lock WHERE resource = '{PlanningLock}'"); // the lock expires
        await TwilioTestEnvironment.Eventually(async () => await LaneCountAsync(database) == 2, "the jobs registered once the lock was free", seconds: 60);
        Assert.Contains("Recurring jobs registered", node.Output, StringComparison.Ordinal);
    }

    static Dictionary<string, string?> Environment(string database, int lanes)
    {
        var environment = TwilioTestEnvironment.Simulator(database);
        environment["Scheduler__Enabled"] = "true";
        environment["Scheduler__DispatchLanes"] = lanes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Retention__Enabled"] = "false";
        return environment;
    }

    static async Task<long> LaneCountAsync(string database) =>
        await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value LIKE 'prompt-dispatch-%'");
}
