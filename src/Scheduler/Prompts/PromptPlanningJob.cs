using MentorBot.Data;
using Quartz;

namespace MentorBot.Scheduler.Prompts;

/// <summary>Runs <see cref="MatchLifePlanner"/>: the reminders, expiries, check-ins, at-risk flags, ends and event reminders that time brings.</summary>
[DisallowConcurrentExecution]
public sealed class PromptPlanningJob(MentorBotDb db, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("prompt-planning", "mentorbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await new MatchLifePlanner(db, clock).PlanAsync(cancellationToken);
}
