using MentorBot.Bot.Hosting;
using MentorBot.Data;
using MentorBot.Data.Settings;
using MentorBot.Scheduler;
using MentorBot.Scheduler.Jobs;
using MentorBot.Scheduler.Prompts;

namespace MentorBot.Bot.Scheduling;

public static class SchedulingSetup
{
    /// <summary>
    /// Hangfire on MentorBot's database, with a "scheduler" health check: every node has its storage (the
    /// dashboard at <c>/console/jobs</c> reads it) and, unless <c>Scheduler__Enabled=false</c>, a server that runs
    /// the jobs. A web-only node serves requests and runs no jobs, only sends the prompts a scheduler-only worker
    /// (<c>src/Scheduler</c>) handed over. A storage Hangfire can't use stops the node before it starts.
    /// </summary>
    public static void AddMentorBotScheduling(this WebApplicationBuilder builder, DatabaseServer database)
    {
        var options = builder.AddValidatedOptions<SchedulerOptions>();
        try
        {
            JobStorageCheck.EnsureUsableAsync(database.ConnectionString, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (JobStorageException e)
        {
            throw new StartupException(e.Message, e);
        }

        // The console lists and retries prompts on every node, web-only ones included.
        builder.Services.AddScoped<PromptOverview>();
        builder.Services.AddScoped<IPromptSender, DialogPromptSender>();
        builder.Services.AddMentorBotJobStorage(options, SchedulerNode.ThisProcess(runsServer: options.Enabled));
        builder.Services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
        if (!options.Enabled)
        {
            // A web-only node still starts the dialogs of prompts a scheduler-only worker handed over.
            builder.Services.AddScoped<PromptDispatcher>();
            builder.Services.AddHostedService<HandedOverPrompts>();
            return;
        }

        // Both queues: the bot's own jobs (retention) and the scheduler's (planner, dispatch lanes).
        builder.Services.AddMentorBotScheduler(options, JobQueues.Bot, JobQueues.Scheduler);
    }
}
