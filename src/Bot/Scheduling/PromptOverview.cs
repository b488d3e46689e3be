using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Scheduling;

/// <summary>One timed prompt as a coordinator sees it: what, to whom, when, and how it went (ids only, no texts).</summary>
public sealed record PromptLine(
    Guid Id, Guid ParticipantId, Guid? MatchId, Guid? EventId, string Kind, string DialogId, PromptStatus Status,
    DateTimeOffset DueAt, DateTimeOffset? SentAt, int Attempts, string? LastError);

/// <summary>A person's or a match's prompts: upcoming (scheduled or deferred, soonest first), sent and failed (latest first), cancelled (with the reason in <see cref="PromptLine.LastError"/>).</summary>
public sealed record PromptList(IReadOnlyList<PromptLine> Upcoming, IReadOnlyList<PromptLine> Sent, IReadOnlyList<PromptLine> Failed, IReadOnlyList<PromptLine> Cancelled);

/// <summary>
/// What the coordinator console shows of the timed prompts, and its one action on them: a failed
/// prompt is retried by making it due now with fresh tries (the dispatcher's rules and its once-per-occurrence key
/// still apply). Scoping to the coordinator's branch is the console's job; retries are audited.
/// </summary>
public sealed class PromptOverview(MentorBotDb db, TimeProvider clock)
{
    public Task<PromptList> ForPersonAsync(Guid participantId, CancellationToken cancellationToken) =>
        ListAsync(db.ScheduledPrompts.Where(p => p.ParticipantId == participantId), cancellationToken);

    public Task<PromptList> ForMatchAsync(Guid matchId, CancellationToken cancellationToken) =>
        ListAsync(db.ScheduledPrompts.Where(p => p.MatchId == matchId), cancellationToken);

    /// <summary>
    /// Makes one of her failed prompts due again now, with its tries counted from zero (a retry that kept
    /// the old count got one try and then failed for good). False when she has no such failed prompt
    /// (already retried, sent, never failed, or someone else's). Audited with the coordinator and branch.
    /// </summary>
    public async Task<bool> RetryAsync(Guid promptId, Guid participantId, Guid? coordinatorId, Guid? branchId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // One statement, so two coordinators pressing retry at once retry once.
        var retried = await db.ScheduledPrompts
            .Where(p => p.Id == promptId && p.ParticipantId == participantId && p.Status == PromptStatus.Failed)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Status, PromptStatus.Scheduled).SetProperty(p => p.DueAt, now).SetProperty(p => p.Attempts, 0), cancellationToken);
        if (retried == 0)
        {
            return false;
        }

        db.AuditLog.Add(new AuditEntry
        {
            At = now, ActorKind = coordinatorId is null ? ActorKind.System : ActorKind.Coordinator, ActorId = coordinatorId,
            Action = "prompt.retried", SubjectKind = "scheduled_prompt", SubjectId = promptId, BranchId = branchId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    static async Task<PromptList> ListAsync(IQueryable<ScheduledPrompt> prompts, CancellationToken cancellationToken)
    {
        var lines = await prompts
            .Select(p => new PromptLine(p.Id, p.ParticipantId, p.MatchId, p.EventId, p.Kind, p.DialogId, p.Status, p.DueAt, p.SentAt, p.Attempts, p.LastError))
            .ToListAsync(cancellationToken);
        return new PromptList(
            lines.Where(p => p.Status is PromptStatus.Scheduled or PromptStatus.Deferred).OrderBy(p => p.DueAt).ToList(),
            lines.Where(p => p.Status == PromptStatus.Sent).OrderByDescending(p => p.SentAt).ToList(),
            lines.Where(p => p.Status == PromptStatus.Failed).OrderByDescending(p => p.DueAt).ToList(),
            lines.Where(p => p.Status == PromptStatus.Cancelled).OrderByDescending(p => p.DueAt).ToList());
    }
}
