using MentorBot.Data;
using MentorBot.Data.Settings;
using MentorBot.Scheduler.Clock;
using MentorBot.Scheduler.Jobs;
using MentorBot.Scheduler.Prompts;
using MentorBot.Scheduler.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MentorBot.Scheduler.Worker;

/// <summary>
/// The scheduler-only node: a Hangfire server on the same storage as the web nodes (its own server name),
/// with the planner and the dispatch lanes, but no web server, no dialogs and no channels. Prompts it decides to send are handed to the bot nodes
/// (<see cref="HandOverPromptSender"/>). It needs a migrated database: it never migrates or starts one.
/// </summary>
public static class SchedulerWorker
{
    public const string ConnectionStringName = "MentorBot";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        // Configured in code: an appsettings.json here would be copied over the bot's (it references this project).
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine($"Set ConnectionStrings__{ConnectionStringName} to the MentorBot database the web nodes use (the worker never starts an embedded one).");
            return 2;
        }

        try
        {
            return await RunJobsAsync(builder, connectionString);
        }
        catch (JobStorageException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (OptionsValidationException e)
        {
            // A bad setting, found while the worker is set up or by ValidateOnStart: one line per key, no stack trace.
            Console.Error.WriteLine(string.Join(Environment.NewLine, e.Failures));
            return 1;
        }
    }

    static async Task<int> RunJobsAsync(HostApplicationBuilder builder, string connectionString)
    {
        var options = builder.AddValidatedOptions<SchedulerOptions>();
        TimeProvider clock;
        try
        {
            clock = AppClock.Choose(builder.AddValidatedOptions<TestClockOptions>(), builder.Environment);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        // Before anything runs: a storage Hangfire can't use stops the worker with one line saying why (caught above).
        await JobStorageCheck.EnsureUsableAsync(connectionString, CancellationToken.None);

        // Under a test clock the worker's starts at TestClock__Start and runs at real pace: it has no endpoint to move it
        // (a walk over several processes would need one clock shared through the database, which is not built).
        builder.Services.AddSingleton(clock);
        builder.Services.AddMentorBotDb(connectionString);
        builder.Services.AddScoped<IPromptSender, HandOverPromptSender>();
        builder.Services.AddMentorBotJobStorage(options, SchedulerNode.ThisProcess(runsServer: true));
        // Only the scheduler's queue: jobs that need the bot (retention) wait for a bot node's server.
        builder.Services.AddMentorBotScheduler(options, JobQueues.Scheduler);
        builder.AddMentorBotTelemetry("mentorbot-scheduler");
        using var host = builder.Build();
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SchedulerWorker))
            .LogInformation("MentorBot scheduler worker: jobs only, prompts handed to the bot nodes");
        if (clock is AdjustableClock)
        {
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SchedulerWorker)).LogWarning("{Warning}", AppClock.Warning);
        }

        await host.RunAsync();
        return 0;
    }
}
