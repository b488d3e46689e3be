using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;

namespace MentorBot.Scheduler;

/// <summary>Configuration section <c>Scheduler</c>.</summary>
public sealed class SchedulerOptions : IOptionsSection
{
    public static string Section => "Scheduler";

    /// <summary>False on web-only nodes: they then run no jobs (others in the cluster do).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs run at once on this node (its Hangfire server's workers).</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// How often each node's Hangfire server tells the others it is alive, and renews the jobs it is running. A server
    /// silent for five times this is taken as dead, and a job it was running is run again elsewhere after as long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// How often due prompts are looked for (each dispatch lane fires this often, at most once a second); a prompt
    /// goes out at most about this long after it is due.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "01:00:00")]
    public TimeSpan PromptPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the planner looks at open matches and events for what time has made due (reminders, expiries, check-ins, the at-risk flag, ends).</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "1.00:00:00")]
    public TimeSpan PlanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Dispatch runs that may go on at once across the cluster (one Hangfire recurring job each, one run at a time
    /// per lane). Two nodes drain due prompts together only with two lanes or more; set it to about the number of
    /// scheduler nodes.
    /// </summary>
    [Range(1, 64)]
    public int DispatchLanes { get; set; } = 2;
}
