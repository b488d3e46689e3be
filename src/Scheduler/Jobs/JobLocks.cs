namespace MentorBot.Scheduler.Jobs;

/// <summary>
/// The PostgreSQL advisory lock keys that keep a job to one run at a time across the cluster: one catalog, so
/// no two jobs share a number by accident. The planner's key is the one it always had, so nodes of the older
/// build and of this one exclude each other during a rolling upgrade.
/// </summary>
public static class JobLocks
{
    /// <summary>Held by <c>MatchLifePlanner</c> for its transaction: every pass, the job's or a catch-up's, waits for the one before.</summary>
    public const long Planner = 7466210;

    /// <summary>Held by the planning job for its run, taken without waiting: a firing while a run goes on is skipped, not queued behind it.</summary>
    public const long PlanningRun = 7466212;

    public const long Retention = 7466211;

    /// <summary>One key per dispatch lane, from <see cref="FirstDispatchLane"/> up (at most 64 lanes).</summary>
    public const long FirstDispatchLane = 7466300;

    public static long DispatchLane(int lane) => FirstDispatchLane + lane;
}
