using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Data.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MentorBot.Scheduler.Prompts;

/// <summary>
/// Sends the timed prompts that are due. Each prompt is claimed with FOR UPDATE SKIP LOCKED in its own
/// transaction, and its status changes in the same transaction as the replies it queues, so however
/// many nodes run this job, retry it or restart in the middle, one occurrence is sent once.
/// </summary>
public sealed class PromptDispatchJob(MentorBotDb db, IPromptSender sender, MentorBotMetrics metrics, TimeProvider clock, ILogger<PromptDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("prompt-dispatch", "mentorbot");

    /// <summary>
    /// A bound per run, so one run never holds a scheduler thread for ever (the next run goes on after the
    /// poll interval); large enough that 10,000 prompts due at once go out in a few runs.
    /// </summary>
    const int MaxPerRun = 1000;

    /// <summary>A prompt whose sending failed this many times is left as failed for a coordinator to retry.</summary>
    const int MaxAttempts = 5;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await DrainAsync(handedOverOnly: false, cancellationToken);

    /// <summary>
    /// Sends what is due until nothing is (or the run's time is up). A node that starts dialogs also
    /// sends the prompts a scheduler-only node handed over (<see cref="PromptStatus.Ready"/>);
    /// <paramref name="handedOverOnly"/> is a web node's loop that runs no jobs but those.
    /// </summary>
    public async Task DrainAsync(bool handedOverOnly, CancellationToken cancellationToken)
    {
        var handled = 0;
        while (!cancellationToken.IsCancellationRequested && handled < MaxPerRun && await DispatchOneAsync(handedOverOnly, cancellationToken))
        {
            handled++;
        }
    }

    async Task<bool> DispatchOneAsync(bool handedOverOnly, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Guid? claimed = null;
        var statuses = handedOverOnly ? new[] { "ready" } : sender.StartsDialogs ? ["scheduled", "deferred", "ready"] : ["scheduled", "deferred"];
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var prompt = await db.ScheduledPrompts
                .FromSql($"SELECT * FROM scheduled_prompts WHERE status = ANY({statuses}) AND due_at <= {now} ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .SingleOrDefaultAsync(cancellationToken);
            if (prompt is null)
            {
                return false;
            }

            claimed = prompt.Id;
            var person = await db.Participants.Include(p => p.Profile).Include(p => p.Branch).SingleAsync(p => p.Id == prompt.ParticipantId, cancellationToken);
            switch (PromptRules.Decide(await FactsAsync(prompt, person, now, cancellationToken)))
            {
                case PromptDecision.Cancel cancel:
                    prompt.Status = PromptStatus.Cancelled;
                    prompt.LastError = cancel.Reason;
                    break;
                case PromptDecision.Defer defer:
                    prompt.Status = PromptStatus.Deferred;
                    prompt.DueAt = defer.Until;
                    prompt.LastError = defer.Reason;
                    break;
                case PromptDecision.Send when !sender.StartsDialogs:
                    prompt.Status = PromptStatus.Ready; // counted against today's limit from now on (SentAt: when it was decided)
                    prompt.SentAt = now;
                    prompt.LastError = null;
                    break;
                default:
                    await sender.SendAsync(db, prompt, person, cancellationToken);
                    prompt.Status = PromptStatus.Sent;
                    prompt.SentAt = now;
                    prompt.Attempts++;
                    prompt.LastError = null;
                    break;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            metrics.PromptDecided(prompt.Kind, prompt.Status, prompt.LastError);
            return true;
        }
        catch (Exception e) when (claimed is not null && e is not OperationCanceledException)
        {
            logger.LogError(e, "Prompt {PromptId} could not be sent", claimed);
            db.ChangeTracker.Clear();
            await RecordFailureAsync(claimed.Value, e, now, cancellationToken);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    async Task<PromptFacts> FactsAsync(ScheduledPrompt prompt, Participant person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = Branch.ZoneOf(person.Branch);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var dayStart = QuietHours.AtLocal(today, TimeOnly.MinValue, zone);
        var dayEnd = QuietHours.AtLocal(today.AddDays(1), TimeOnly.MinValue, zone);
        var sentToday = await db.ScheduledPrompts.CountAsync(
            p => p.ParticipantId == person.Id && p.Id != prompt.Id && (p.Status == PromptStatus.Sent || p.Status == PromptStatus.Ready)
                && p.SentAt >= dayStart && p.SentAt < dayEnd, cancellationToken);
        var otherDialog = await db.DialogSessions
            .Where(s => s.ParticipantId == person.Id && s.Status == DialogSessionStatus.Active && s.DialogId != prompt.DialogId)
            .Select(s => (DateTimeOffset?)s.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var matchStatus = prompt.MatchId is { } matchId
            ? await db.Matches.Where(m => m.Id == matchId).Select(m => (MatchStatus?)m.Status).SingleOrDefaultAsync(cancellationToken)
            : null;
        // Withdrawn: her participation consent was withdrawn and not given again, or she asked to be deleted.
        var consentWithdrawn = person.Status is ParticipantStatus.ErasureRequested
            || (await db.Consents.AnyAsync(c => c.ParticipantId == person.Id && c.Purpose == ConsentPurpose.Participation && c.WithdrawnAt != null, cancellationToken)
                && !await db.Consents.AnyAsync(c => c.ParticipantId == person.Id && c.Purpose == ConsentPurpose.Participation && c.WithdrawnAt == null, cancellationToken));
        var eventCancelled = prompt.EventId is { } eventId
            && await db.Events.AnyAsync(e => e.Id == eventId && e.CancelledAt != null, cancellationToken);
        return new PromptFacts(now, zone, person.Branch?.Settings ?? new BranchSettings(), person.OptedOutAt is not null,
            person.Status is ParticipantStatus.Erased, matchStatus, sentToday, otherDialog, prompt.Kind, eventCancelled, consentWithdrawn);
    }

    async Task RecordFailureAsync(Guid promptId, Exception error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var prompt = await db.ScheduledPrompts.SingleAsync(p => p.Id == promptId, cancellationToken);
        prompt.Attempts++;
        prompt.LastError = error.GetType().Name;
        prompt.Status = prompt.Attempts >= MaxAttempts ? PromptStatus.Failed : PromptStatus.Deferred;
        prompt.DueAt = now + TimeSpan.FromMinutes(Math.Pow(2, prompt.Attempts)); // 2, 4, 8, 16 minutes
        await db.SaveChangesAsync(cancellationToken);
    }
}
