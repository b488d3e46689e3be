using Hangfire;
using Hangfire.PostgreSql;
using MentorBot.Scheduler.Jobs;
using MentorBot.Scheduler.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MentorBot.Scheduler;

public static class SchedulerSetup
{
    /// <summary>
    /// Hangfire's storage in MentorBot's database (schema <c>hangfire</c>, created by migration 0011), through the
    /// app's <see cref="NpgsqlDataSource"/>. Every node has it, web-only ones too (the dashboard reads it); only
    /// <see cref="AddMentorBotScheduler"/> adds a server that runs jobs.
    /// </summary>
    public static IServiceCollection AddMentorBotJobStorage(this IServiceCollection services, SchedulerOptions options, SchedulerNode node)
    {
        services.AddSingleton(node);
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                connections => connections.UseConnectionFactory(new DataSourceConnectionFactory(provider.GetRequiredService<NpgsqlDataSource>())),
                StorageOptions(options)));
        return services;
    }

    /// <summary>
    /// A Hangfire server on this node, serving <paramref name="queues"/>, and the recurring jobs (planner, dispatch
    /// lanes) registered at start. Every scheduler node runs the same; each firing runs on one of them.
    /// </summary>
    public static IServiceCollection AddMentorBotScheduler(this IServiceCollection services, SchedulerOptions options, params string[] queues)
    {
        services.AddScoped<PromptDispatcher>();
        services.AddScoped<PromptDispatchJob>();
        services.AddScoped<PromptPlanningJob>();
        // Registered before the server: the jobs are in the storage when its first poll looks.
        services.AddHostedService<RecurringJobsRegistration>();
        services.AddHangfireServer((provider, server) =>
        {
            server.ServerName = provider.GetRequiredService<SchedulerNode>().ServerName;
            server.WorkerCount = options.MaxConcurrency;
            server.Queues = queues;
            server.SchedulePollingInterval = PollSchedule.ServerPolling(options);
            server.HeartbeatInterval = options.CheckinInterval;
            server.ServerCheckInterval = options.CheckinInterval;
            server.ServerTimeout = ServerTimeout(options);
        });
        return services;
    }

    /// <summary>A server silent this long is taken as dead and removed from the cluster's list.</summary>
    public static TimeSpan ServerTimeout(SchedulerOptions options) => options.CheckinInterval * 5;

    static PostgreSqlStorageOptions StorageOptions(SchedulerOptions options) => new()
    {
        // The schema is MentorBot's migration's (the app's role needs no CREATE), and checked before start (JobStorageCheck).
        PrepareSchemaIfNecessary = false,
        AllowDegradedModeWithoutStorage = false,
        // Without it a job running longer than InvisibilityTimeout is fetched again by another worker while it still
        // runs. With it, a running job's fetch is renewed every fifth of the timeout, and a killed node's job comes
        // back after the timeout: as long as five check-ins.
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = options.CheckinInterval * 5 < TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : options.CheckinInterval * 5,
        // Hangfire's own locks (a recurring job's firing, the expiration sweep) are held for moments; a lock row left
        // by a killed node counts as stale after this, instead of 10 minutes in which that job would not fire.
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
        // Workers look for queued jobs as often as the scheduler fires them. Not LISTEN/NOTIFY (EnableLongPolling):
        // its reconnect rebuilds a connection string, which a data-source connection reports without its password.
        QueuePollInterval = PollSchedule.ServerPolling(options),
    };
}
