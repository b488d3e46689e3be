using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Data.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MentorBot.Scheduler.Prompts;

/// <summary>
/// Sends the timed prompts that are due, a batch at a time: a batch is claimed with FOR UPDATE SKIP LOCKED,
/// the rules are applied to every prompt in it from facts read for the whole batch, the dialogs are started,
/// and the prompts' new statuses are committed in one transaction with the replies they queue. However many
/// nodes and lanes run this, retry it or die in the middle, one occurrence is sent once: a prompt changes
/// status only in the transaction that queues its replies, and a claimed prompt is invisible to every other
/// claim until that transaction ends.
/// </summary>
/// <remarks>
/// One prompt per transaction started about 110 dialogs a second (December 2026, one node): every prompt paid
/// for its own claim, its own five fact queries and its own commit. A batch pays for each once.
/// </remarks>
public sealed class PromptDispatcher(MentorBotDb db, IPromptSender sender, MentorBotMetrics metrics, TimeProvider clock, ILogger<PromptDispatcher> logger)
{
    /// <summary>Prompts claimed and committed together. A failure in one sends the batch through <see cref="DispatchOneAsync"/> instead, one prompt per transaction.</summary>
    public const int BatchSize = 200;

    /// <summary>A bound per run, so one run never holds a worker for ever (the lane's next run goes on); large enough that 10,000 prompts due at once go out in one.</summary>
    const int MaxPerRun = 20_000;

    /// <summary>A prompt whose sending failed this many times is left as failed for a coordinator to retry.</summary>
    const int MaxAttempts = 5;

    /// <summary>
    /// Sends what is due until nothing is (or the run's bound is reached). A node that starts dialogs also
    /// sends the prompts a scheduler-only node handed over (<see cref="PromptStatus.Ready"/>);
    /// <paramref name="handedOverOnly"/> is a web node's loop that runs no jobs but those.
    /// </summary>
    public async Task DrainAsync(bool handedOverOnly, CancellationToken cancellationToken)
    {
        var handled = 0;
        while (!cancellationToken.IsCancellationRequested && handled < MaxPerRun)
        {
            var claimed = await DispatchBatchAsync(handedOverOnly, cancellationToken);
            if (claimed is null)
            {
                // Something in the batch failed: the same prompts again, one per transaction, so the failing one is recorded alone.
                for (var i = 0; i < BatchSize && await DispatchOneAsync(handedOverOnly, cancellationToken); i++)
                {
                    handled++;
                }

                continue;
            }

            if (claimed == 0)
            {
                return;
            }

            handled += claimed.Value;
        }
    }

    string[] Statuses(bool handedOverOnly) =>
        handedOverOnly ? ["ready"] : sender.StartsDialogs ? ["scheduled", "deferred", "ready"] : ["scheduled", "deferred"];

    /// <summary>One batch in one transaction: the number of prompts decided (0: nothing due), or null when it failed and was rolled back.</summary>
    async Task<int?> DispatchBatchAsync(bool handedOverOnly, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var statuses = Statuses(handedOverOnly);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var prompts = await db.ScheduledPrompts
                .FromSql($"SELECT * FROM scheduled_prompts WHERE status = ANY({statuses}) AND due_at <= {now} ORDER BY due_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(cancellationToken);
            if (prompts.Count == 0)
            {
                return 0;
            }

            // Her first due prompt only, and only when no other batch holds her: the rules read what was sent to her
            // today and which dialog she is in, which a prompt decided in the same moment elsewhere would change. The
            // rest stay as they are and come back, claimable again, in a later batch.
            var ids = prompts.Select(p => p.ParticipantId).Distinct().ToArray();
            var free = (await db.Database
                .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM participants WHERE id = ANY({ids}) ORDER BY id FOR NO KEY UPDATE SKIP LOCKED")
                .ToListAsync(cancellationToken)).ToHashSet();
            var mine = prompts.Where(p => free.Contains(p.ParticipantId)).GroupBy(p => p.ParticipantId).Select(g => g.First()).ToList();
            if (mine.Count == 0)
            {
                return 0; // everyone due is being prompted by another batch right now; its lane will finish them
            }

            var facts = await BatchFacts.ReadAsync(db, mine, now, cancellationToken);
            await sender.PrepareAsync(db, mine.Select(p => (p, facts.Person(p))).ToList(), cancellationToken);
            var decided = new List<ScheduledPrompt>(mine.Count);
            foreach (var prompt in mine)
            {
                var person = facts.Person(prompt);
                await ApplyAsync(prompt, person, PromptRules.Decide(facts.For(prompt)), now, cancellationToken);
                decided.Add(prompt);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var prompt in decided)
            {
                metrics.PromptDecided(prompt.Kind, prompt.Status, prompt.LastError);
            }

            return decided.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "A batch of prompts could not be sent together; sending them one at a time");
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>One prompt in its own transaction: the slow path after a failed batch, which records a failing prompt's error alone.</summary>
    async Task<bool> DispatchOneAsync(bool handedOverOnly, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Guid? claimed = null;
        var statuses = Statuses(handedOverOnly);
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
            // Waits for a batch that holds her (unlike the batch's SKIP LOCKED): this prompt is the one to decide now.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM participants WHERE id = {prompt.ParticipantId} FOR NO KEY UPDATE", cancellationToken);
            var facts = await BatchFacts.ReadAsync(db, [prompt], now, cancellationToken);
            await sender.PrepareAsync(db, [(prompt, facts.Person(prompt))], cancellationToken);
            await ApplyAsync(prompt, facts.Person(prompt), PromptRules.Decide(facts.For(prompt)), now, cancellationToken);
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

    async Task ApplyAsync(ScheduledPrompt prompt, Participant person, PromptDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (decision)
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
