using System.Net.Http.Json;
using System.Text.Json;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Bot;

/// <summary>Quartz on MentorBot's database: every node joins one cluster, each with its own instance id.</summary>
public sealed class SchedulerClusterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_nodes_started_together_join_one_scheduler_cluster()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__MentorBot"] = database };

        var nodes = await Task.WhenAll(BotProcess.ServeAsync(environment), BotProcess.ServeAsync(environment));
        await using var first = nodes[0];
        await using var second = nodes[1];

        foreach (var node in nodes)
        {
            Assert.Equal("healthy", await CheckStatusAsync(node, "scheduler"));
        }

        var instances = (await TestSql.RowsAsync(database, "SELECT sched_name, instance_name FROM qrtz_scheduler_state ORDER BY instance_name"))
            .Select(r => (Scheduler: (string)r[0], Instance: (string)r[1])).ToList();
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Equal("mentorbot", i.Scheduler));
        Assert.NotEqual(instances[0].Instance, instances[1].Instance);
    }

    [Fact]
    public async Task A_web_only_node_runs_no_scheduler()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var node = await BotProcess.ServeAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__MentorBot"] = database,
            ["Scheduler__Enabled"] = "false",
        });

        Assert.Null(await CheckStatusAsync(node, "scheduler"));
        Assert.Equal("healthy", await CheckStatusAsync(node, "database"));
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'qrtz_scheduler_state'"));
    }

    static async Task<string?> CheckStatusAsync(BotProcess node, string name)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        return health.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("name").GetString() == name)
            .Select(c => c.GetProperty("status").GetString())
            .SingleOrDefault();
    }
}
