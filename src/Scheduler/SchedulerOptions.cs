using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;

namespace MentorBot.Scheduler;

/// <summary>Configuration section <c>Scheduler</c>.</summary>
public sealed class SchedulerOptions : IOptionsSection
{
    public static string Section => "Scheduler";

    /// <summary>False on web-only nodes: they then run no jobs (others in the cluster do).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs run at once on this node.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>How often each node tells the others it is alive; a node silent for longer is taken as dead and its work recovered.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>How often due prompts are looked for; a prompt goes out at most this long after it is due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "01:00:00")]
    public TimeSpan PromptPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the planner looks at open matches and events for what time has made due (reminders, expiries, check-ins, the at-risk flag, ends).</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "1.00:00:00")]
    public TimeSpan PlanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Dispatch runs that may go on at once across the cluster (one Quartz trigger each). Two nodes drain
    /// due prompts together only with two lanes or more; set it to about the number of scheduler nodes.
    /// </summary>
    [Range(1, 64)]
    public int DispatchLanes { get; set; } = 2;
}
