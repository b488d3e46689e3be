using System.Diagnostics;
using System.Reflection;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Bot;

/// <summary>
/// The deployment with scheduler-only nodes: a web node with <c>Scheduler__Enabled=false</c> and the
/// worker built by <c>src/Scheduler</c> on one database. The worker runs the jobs and hands the prompts
/// over; the web node starts their dialogs; each reaches the fake Twilio API once.
/// </summary>
public sealed class SchedulerWorkerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_scheduler_only_worker_and_a_web_only_node_deliver_each_prompt_once()
    {
        const int count = 100;
        var database = await postgres.CreateDatabaseAsync();
        await using var twilio = FakeTwilioApi.Start();
        var web = TwilioTestEnvironment.RealAccount(database, twilio.BaseUrl);
        web["Scheduler__PromptPollInterval"] = "00:00:01";
        web["Twilio__MessagesPerSecond"] = "1000";
        await using var node = await BotProcess.ServeAsync(web);
        var phones = await DuePrompts.SeedAsync(database, count, "worker-test", "+4532");

        using var worker = StartWorker(database);
        try
        {
            await TwilioTestEnvironment.Eventually(async () =>
            {
                await using var db = TestDb.Open(database);
                return await db.ScheduledPrompts.CountAsync(p => p.Status == PromptStatus.Sent) == count
                    && !await db.Messages.AnyAsync(m => m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Queued);
            }, "every prompt sent by the web node and delivered", seconds: 120);
            await Task.Delay(TimeSpan.FromSeconds(2));

            Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM hangfire.server")); // the worker's server, the only one
            await using var db = TestDb.Open(database);
            Assert.All(await db.ScheduledPrompts.ToListAsync(), p => Assert.Equal((PromptStatus.Sent, 1), (p.Status, p.Attempts)));
            var atTwilio = twilio.Requests.Where(r => r.Method == "POST").GroupBy(r => r.Form["To"]).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(phones, phone => Assert.Equal(1, atTwilio.GetValueOrDefault(phone)));
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task The_worker_refuses_to_start_without_a_database()
    {
        using var worker = StartWorker(database: null);
        await worker.WaitForExitAsync();
        Assert.Equal(2, worker.ExitCode);
        Assert.Contains("ConnectionStrings__MentorBot", await worker.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worker_refuses_a_bad_setting_with_a_line_naming_the_key()
    {
        // Checked before the database is used: an unreachable one does not matter.
        using var worker = StartWorker("Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3", new() { ["Scheduler__MaxConcurrency"] = "0" });
        var error = await worker.StandardError.ReadToEndAsync();
        await worker.WaitForExitAsync();

        Assert.Equal(1, worker.ExitCode);
        Assert.Equal("Scheduler:MaxConcurrency must be between 1 and 256 (was 0)", error.Trim());
    }

    [Fact]
    public async Task The_worker_refuses_to_start_on_a_storage_it_cannot_reach_saying_why()
    {
        using var worker = StartWorker("Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3");
        var error = await worker.StandardError.ReadToEndAsync();
        await worker.WaitForExitAsync();

        Assert.Equal(1, worker.ExitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Hangfire's storage can't be used: PostgreSQL at 127.0.0.1:1, database z is not reachable (", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_worker_refuses_to_start_on_a_database_without_the_hangfire_schema()
    {
        var database = await postgres.CreateDatabaseAsync(migrated: false);
        using var worker = StartWorker(database);
        var error = await worker.StandardError.ReadToEndAsync();
        await worker.WaitForExitAsync();

        Assert.Equal(1, worker.ExitCode);
        Assert.Contains("has no hangfire schema. Apply MentorBot's migrations", error, StringComparison.Ordinal);
    }

    static Process StartWorker(string? database, Dictionary<string, string>? settings = null)
    {
        var configuration = typeof(SchedulerWorkerTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = Path.Combine(BotProcess.RepositoryRoot, "src", "Scheduler", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(directory, "MentorBot.Scheduler.dll"));
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        if (database is not null)
        {
            start.Environment["ConnectionStrings__MentorBot"] = database;
        }

        start.Environment["Scheduler__PromptPollInterval"] = "00:00:01";
        foreach (var (key, value) in settings ?? [])
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }
}
