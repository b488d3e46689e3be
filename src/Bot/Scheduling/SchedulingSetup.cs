using MentorBot.Data;
using MentorBot.Data.Settings;
using MentorBot.Scheduler;
using MentorBot.Scheduler.Prompts;
using Quartz;

namespace MentorBot.Bot.Scheduling;

public static class SchedulingSetup
{
    /// <summary>
    /// The clustered Quartz scheduler on MentorBot's database, with a "scheduler" health check.
    /// <c>Scheduler__Enabled=false</c> makes a web-only node: it serves requests and runs no jobs, only
    /// sends the prompts a scheduler-only worker (<c>src/Scheduler</c>) handed over.
    /// </summary>
    public static void AddMentorBotScheduling(this WebApplicationBuilder builder, DatabaseServer database)
    {
        var options = builder.AddValidatedOptions<SchedulerOptions>();
        // The console lists and retries prompts on every node, web-only ones included.
        builder.Services.AddScoped<PromptOverview>();
        builder.Services.AddScoped<IPromptSender, DialogPromptSender>();
        if (!options.Enabled)
        {
            // A web-only node still starts the dialogs of prompts a scheduler-only worker handed over.
            builder.Services.AddScoped<PromptDispatchJob>();
            builder.Services.AddHostedService<HandedOverPrompts>();
            return;
        }

        builder.Services.AddMentorBotScheduler(database.ConnectionString, options);
        builder.Services.AddHealthChecks().AddQuartz(check => check.Name = "scheduler");
    }
}
