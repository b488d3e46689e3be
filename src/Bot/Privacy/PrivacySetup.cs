using MentorBot.Data.Settings;
using MentorBot.Scheduler;

namespace MentorBot.Bot.Privacy;

public static class PrivacySetup
{
    /// <summary>
    /// A person's export and erasure (services the console calls) and the retention policy; on nodes that
    /// run the scheduler, the daily retention job (<c>Retention__Enabled=false</c> leaves it out).
    /// </summary>
    public static void AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PersonExport>();
        builder.Services.AddScoped<PersonErasure>();
        builder.Services.AddScoped<RetentionSweep>();
        var scheduler = builder.AddValidatedOptions<SchedulerOptions>();
        var retention = builder.AddValidatedOptions<RetentionOptions>();
        if (scheduler.Enabled && retention.Enabled)
        {
            builder.Services.AddScoped<RetentionJob>();
            builder.Services.AddHostedService<RetentionSchedule>();
        }
    }
}
