using System.Net.Http.Json;
using System.Text.Json;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Bot;

/// <summary>Hangfire on MentorBot's database: every node runs its own server on the one storage, under its own name.</summary>
public sealed class SchedulerClusterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_nodes_started_together_each_run_a_hangfire_server_on_the_one_storage()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__MentorBot"] = database };

        var nodes = await Task.WhenAll(BotProcess.ServeAsync(environment), BotProcess.ServeAsync(environment));
        await using var first = nodes[0];
        await using var second = nodes[1];

        var servers = (await TestSql.RowsAsync(database, "SELECT id FROM hangfire.server ORDER BY id")).Select(r => (string)r[0]).ToList();
        Assert.Equal(2, servers.Count);
        foreach (var node in nodes)
        {
            var (status, description) = await CheckAsync(node, "scheduler");
            Assert.Equal("healthy", status);
            Assert.Contains("alive (2 in the cluster)", description, StringComparison.Ordinal);
            Assert.Single(servers, id => id.StartsWith($"{System.Environment.MachineName.ToLowerInvariant()}-{node.Id}:", StringComparison.Ordinal));
        }

        var recurring = (await TestSql.RowsAsync(database, "SELECT value FROM hangfire.set WHERE key = 'recurring-jobs' ORDER BY value")).Select(r => (string)r[0]);
        Assert.Equal(["prompt-dispatch-0", "prompt-dispatch-1", "prompt-planning", "retention"], recurring);
    }

    [Fact]
    public async Task A_web_only_node_runs_no_hangfire_server_but_reports_its_storage()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var node = await BotProcess.ServeAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__MentorBot"] = database,
            ["Scheduler__Enabled"] = "false",
        });

        var (status, description) = await CheckAsync(node, "scheduler");
        Assert.Equal("healthy", status);
        Assert.Contains("no server on this node", description, StringComparison.Ordinal);
        Assert.Equal("healthy", (await CheckAsync(node, "database")).Status);
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM hangfire.server"));
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs'"));
    }

    [Fact]
    public async Task A_node_whose_hangfire_storage_is_missing_stops_at_start_saying_why()
    {
        var database = await postgres.CreateDatabaseAsync();
        await TestSql.ExecuteAsync(database, "DROP SCHEMA hangfire CASCADE");
        await using var bot = BotProcess.Start(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string?> { ["ConnectionStrings__MentorBot"] = database });

        Assert.Equal(1, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Hangfire's storage can't be used: ", bot.Output, StringComparison.Ordinal);
        Assert.Contains("has no hangfire schema", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output, StringComparison.Ordinal); // a message, not a stack trace
        Assert.DoesNotContain("Now listening", bot.Output, StringComparison.Ordinal);
    }

    static async Task<(string? Status, string? Description)> CheckAsync(BotProcess node, string name)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        return health.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("name").GetString() == name)
            .Select(c => (c.GetProperty("status").GetString(), c.GetProperty("description").GetString()))
            .SingleOrDefault();
    }
}
