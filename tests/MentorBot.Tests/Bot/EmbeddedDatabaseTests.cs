using System.Net;
using MentorBot.Data.Embedded;
using MentorBot.Tests.Infrastructure;
using Npgsql;

namespace MentorBot.Tests.Bot;

/// <summary>MentorBot with no connection string: its own PostgreSQL, started and stopped with it.</summary>
public sealed class EmbeddedDatabaseTests : IDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    readonly string _folder = PostgresFixture.NewFolder("embedded");

    Dictionary<string, string?> Environment => new() { ["EmbeddedDatabase__Directory"] = _folder };

    string DataDirectory => Path.Combine(_folder, "data");

    [Fact]
    public async Task Serves_health_on_its_own_database_keeps_data_across_restarts_and_stops_the_server_on_exit()
    {
        await using (var bot = await BotProcess.ServeAsync(Environment))
        {
            Assert.Equal(HttpStatusCode.OK, await HealthAsync(bot));
            Assert.Contains("Open it with: PGPASSFILE=", bot.Output);
            await ExecuteAsync(bot, "INSERT INTO branches (id, code, name, city, track, time_zone, created_at) VALUES (gen_random_uuid(), 'test_branch', 'Test', 'Odense', 'women', 'Europe/Copenhagen', now())");

            bot.Signal(BotProcess.SigTerm);
            Assert.Equal(0, await bot.WaitForExitAsync(Patience));
        }

        Assert.Empty(PostgresProcesses.Serving(DataDirectory));

        await using (var again = await BotProcess.ServeAsync(Environment))
        {
            Assert.Equal(HttpStatusCode.OK, await HealthAsync(again));
            Assert.Equal("test_branch", await ScalarAsync(again, "SELECT code FROM branches WHERE name = 'Test'"));
        }

        Assert.Empty(PostgresProcesses.Serving(DataDirectory));
    }

    [Fact]
    public async Task Ctrl_C_in_a_terminal_leaves_no_postgres_behind()
    {
        // A terminal's Ctrl+C sends SIGINT to the whole foreground process group. Background jobs of a
        // non-interactive shell inherit SIGINT as ignored, so the wrapper restores it and starts a new group.
        string[] terminal = ["python3", "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.setsid(); os.execvp(sys.argv[1], sys.argv[1:])"];
        await using var bot = await BotProcess.ServeAsync(Environment, terminal);
        Assert.NotEmpty(PostgresProcesses.Serving(DataDirectory));

        bot.SignalGroup(BotProcess.SigInt);

        Assert.Equal(0, await bot.WaitForExitAsync(Patience));
        Assert.Empty(PostgresProcesses.Serving(DataDirectory));
    }

    [Fact]
    public async Task After_a_crash_the_next_start_replaces_the_server_left_running()
    {
        await using (var crashed = await BotProcess.ServeAsync(Environment))
        {
            crashed.Signal(BotProcess.SigKill);
            await crashed.WaitForExitAsync(Patience);
        }

        var orphans = PostgresProcesses.Serving(DataDirectory);
        Assert.NotEmpty(orphans);

        await using var next = await BotProcess.ServeAsync(Environment);

        Assert.Equal(HttpStatusCode.OK, await HealthAsync(next));
        Assert.Contains("left running", next.Output);
        Assert.DoesNotContain(orphans[0], PostgresProcesses.Serving(DataDirectory));
    }

    [Fact]
    public async Task A_second_instance_on_the_same_folder_is_refused_and_the_first_keeps_running()
    {
        await using var first = await BotProcess.ServeAsync(Environment);
        await using var second = BotProcess.Start(["--urls", "http://127.0.0.1:0"], Environment);

        Assert.Equal(1, await second.WaitForExitAsync(Patience));
        Assert.Contains("in use by another MentorBot process", second.Output);
        Assert.Equal(HttpStatusCode.OK, await HealthAsync(first));
    }

    [Fact]
    public async Task Clusters_abandoned_by_killed_runs_are_swept_and_their_servers_stopped()
    {
        var parent = PostgresFixture.NewFolder("sweep");
        var abandoned = Path.Combine(parent, "killed-run");
        await using (var killed = await BotProcess.ServeAsync(new Dictionary<string, string?> { ["EmbeddedDatabase__Directory"] = abandoned }))
        {
            killed.Signal(BotProcess.SigKill);
            await killed.WaitForExitAsync(Patience);
        }

        Assert.NotEmpty(PostgresProcesses.Serving(Path.Combine(abandoned, "data")));

        await EmbeddedPostgres.RemoveAbandonedAsync(parent, null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.Empty(PostgresProcesses.Serving(Path.Combine(abandoned, "data")));
        Assert.False(Directory.Exists(abandoned));
        Directory.Delete(parent);
    }

    static async Task<HttpStatusCode> HealthAsync(BotProcess bot)
    {
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        using var response = await http.GetAsync("/health");
        return response.StatusCode;
    }

    async Task ExecuteAsync(BotProcess bot, string sql)
    {
        await using var connection = await OpenAsync(bot);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    async Task<object?> ScalarAsync(BotProcess bot, string sql)
    {
        await using var connection = await OpenAsync(bot);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Connects the way the log tells a person to: port from the log line, password from the pgpass file.</summary>
    async Task<NpgsqlConnection> OpenAsync(BotProcess bot)
    {
        var port = System.Text.RegularExpressions.Regex.Match(bot.Output, @"running on 127\.0\.0\.1:(\d+)").Groups[1].Value;
        var password = (await File.ReadAllTextAsync(Path.Combine(_folder, "pgpass"))).Trim().Split(':')[^1];
        var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username={EmbeddedPostgres.UserName};Password={password};Database=mentorbot;Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder) && PostgresProcesses.Serving(DataDirectory).Count == 0)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
