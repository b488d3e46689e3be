namespace MentorBot.Scheduler.Jobs;

/// <summary>
/// Hangfire queues: which server may run which job. The scheduler-only worker has no dialogs, channels or
/// privacy services, so jobs that need the bot (the retention sweep) go to <see cref="Bot"/>, which only bot
/// nodes serve; the planner and the dispatch lanes go to <see cref="Scheduler"/>, which every server serves.
/// </summary>
public static class JobQueues
{
    public const string Scheduler = "default";

    public const string Bot = "bot";
}
