using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace MentorBot.Scheduler.Jobs;

/// <summary>
/// Keeps a finished run of a polling job for <paramref name="minutes"/> instead of Hangfire's day: a dispatch lane
/// polling every second leaves 86,400 job rows a day otherwise. Failed runs are not finished and stay for a look.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ShortHistoryAttribute(int minutes) : JobFilterAttribute, IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction) =>
        context.JobExpirationTimeout = TimeSpan.FromMinutes(minutes);

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
