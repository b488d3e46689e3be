using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Privacy;

/// <summary>
/// Applies the data-retention policy once: every rule is a set-based statement whose condition no longer
/// holds once it has run, so a second run (another node, a retry, a restart in the middle) changes nothing.
/// People due for erasure are erased one by one, each in its own transaction (<see cref="PersonErasure"/>).
/// </summary>
public sealed class RetentionSweep(MentorBotDb db, PersonErasure erasure, RetentionOptions options, TimeProvider clock, ILogger<RetentionSweep> logger)
{
    /// <summary>What a message text past its retention period becomes.</summary>
    public const string DeletedText = "[deleted]";

    public async Task<RetentionReport> ApplyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = new Dictionary<string, int>();
        var branches = await db.Branches.AsNoTracking().Select(b => new { b.Id, b.Settings }).ToListAsync(cancellationToken);
        var groups = branches.Select(b => ((Guid?)b.Id, b.Settings)).Append((null, new BranchSettings()));
        var due = new List<(Guid Id, string Reason)>();
        foreach (var (branchId, settings) in groups)
        {
            Add(rows, await TranscriptsAsync(branchId, now.AddMonths(-settings.TranscriptRetentionMonths), now, cancellationToken));
            Add(rows, await DialogStateAsync(branchId, now.AddDays(-settings.DialogStateRetentionDays), cancellationToken));
            Add(rows, await DeliveryDetailsAsync(branchId, now.AddDays(-settings.DeliveryDetailsRetentionDays), now, cancellationToken));
            due.AddRange((await WithdrawnAsync(branchId, now.AddDays(-settings.WithdrawnConsentGraceDays), cancellationToken)).Select(id => (id, "consent_withdrawn")));
        }

        due.AddRange((await AbandonedSignupsAsync(now.AddDays(-options.AbandonedSignupDays), cancellationToken)).Select(id => (id, "abandoned_signup")));
        var erased = 0;
        foreach (var (id, reason) in due.DistinctBy(d => d.Id))
        {
            if ((await erasure.EraseBySystemAsync(id, reason, cancellationToken)).Outcome == ErasureOutcome.Erased)
            {
                erased++;
            }
        }

        Add(rows, await ErasedLeftoversAsync(now.AddDays(-options.ErasedLeftoversDays), cancellationToken));
        // A phone-link code is of no use once expired, and its row holds a phone number and a person: pruned daily.
        rows["phone_verifications_expired"] = await db.Database.ExecuteSqlAsync(
            $"DELETE FROM phone_verifications WHERE expires_at < {now}", cancellationToken);
        db.ChangeTracker.Clear();
        PrivacyAudit.Add(db, now, null, "retention.applied", null, null, null, new { rows, erased });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Retention applied: {Rows} rows changed, {Erased} people erased", rows.Values.Sum(), erased);
        return new RetentionReport(rows, erased);
    }

    static void Add(Dictionary<string, int> rows, (string Rule, int Count)[] counts)
    {
        foreach (var (rule, count) in counts)
        {
            rows[rule] = rows.GetValueOrDefault(rule) + count;
        }
    }

    /// <summary>
    /// A person whose last match ended before the cutoff and who has no open match: the texts of her
    /// messages up to that end, their web-chat activities, and the notes of those matches' reports.
    /// </summary>
    async Task<(string, int)[]> TranscriptsAsync(Guid? branchId, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sql = db.Database;
        var texts = await sql.ExecuteSqlAsync($"""
            WITH done AS (
                SELECT p.id, max(m.ended_at) AS last_end
                FROM participants p JOIN matches m ON m.mentee_id = p.id OR m.mentor_id = p.id
                WHERE p.branch_id IS NOT DISTINCT FROM {branchId}::uuid AND p.status <> 'erased'
                GROUP BY p.id
                HAVING bool_and(m.status NOT IN ('requested', 'pending_approval', 'active')) AND max(m.ended_at) < {cutoff}
            )
            UPDATE messages msg SET text = {DeletedText}, message_args = NULL, answer_reading = NULL, updated_at = {now}
            FROM done
            WHERE msg.participant_id = done.id AND msg.created_at <= done.last_end AND msg.text NOT IN ({DeletedText}, {PersonErasure.ErasedText})
            """, cancellationToken);
        var activities = await sql.ExecuteSqlAsync($"""
            DELETE FROM direct_line_activities a USING messages msg, participants p
            WHERE a.message_id = msg.id AND msg.participant_id = p.id AND p.branch_id IS NOT DISTINCT FROM {branchId}::uuid
              AND msg.text IN ({DeletedText}, {PersonErasure.ErasedText})
            """, cancellationToken);
        var notes = await sql.ExecuteSqlAsync($"""
            UPDATE meeting_reports r SET note = NULL
            FROM matches m
            WHERE r.match_id = m.id AND m.branch_id IS NOT DISTINCT FROM {branchId}::uuid AND r.note IS NOT NULL
              AND m.status NOT IN ('requested', 'pending_approval', 'active') AND m.ended_at < {cutoff}
            """, cancellationToken);
        return [("transcript_texts", texts), ("transcript_activities", activities), ("report_notes", notes)];
    }

    /// <summary>Saved dialog state (answers in progress) of dialogs that ended, or were left untouched, before the cutoff.</summary>
    async Task<(string, int)[]> DialogStateAsync(Guid? branchId, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
    [
        ("dialog_sessions", await db.Database.ExecuteSqlAsync($"""
            DELETE FROM dialog_sessions s USING participants p
            WHERE s.participant_id = p.id AND p.branch_id IS NOT DISTINCT FROM {branchId}::uuid AND COALESCE(s.ended_at, s.updated_at) < {cutoff}
            """, cancellationToken)),
    ];

    /// <summary>Twilio's ids, error texts and template ids of old messages; replies stuck in the outbox since before the cutoff are given up.</summary>
    async Task<(string, int)[]> DeliveryDetailsAsync(Guid? branchId, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stuck = await db.Database.ExecuteSqlAsync($"""
            UPDATE messages m SET delivery_status = 'failed', error_code = 'expired', next_attempt_at = NULL, updated_at = {now}
            FROM participants p
            WHERE m.participant_id = p.id AND p.branch_id IS NOT DISTINCT FROM {branchId}::uuid
              AND m.direction = 'outbound' AND m.delivery_status = 'queued' AND m.created_at < {cutoff}
            """, cancellationToken);
        var details = await db.Database.ExecuteSqlAsync($"""
            UPDATE messages m SET provider_message_id = NULL, error_message = NULL, whatsapp_template_sid = NULL
            FROM participants p
            WHERE m.participant_id = p.id AND p.branch_id IS NOT DISTINCT FROM {branchId}::uuid AND m.created_at < {cutoff}
              AND (m.provider_message_id IS NOT NULL OR m.error_message IS NOT NULL OR m.whatsapp_template_sid IS NOT NULL)
            """, cancellationToken);
        return [("outbox_expired", stuck), ("delivery_details", details)];
    }

    /// <summary>
    /// People whose participation consent was withdrawn before the cutoff and not given again since (the
    /// delete_me dialog withdraws it), or who asked to be deleted before the cutoff.
    /// </summary>
    async Task<List<Guid>> WithdrawnAsync(Guid? branchId, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<Guid>($"""
            SELECT p.id AS "Value" FROM participants p
            WHERE p.branch_id IS NOT DISTINCT FROM {branchId}::uuid AND p.status <> 'erased' AND (
                (p.status = 'erasure_requested' AND p.updated_at < {cutoff})
                OR (EXISTS (SELECT 1 FROM consents c WHERE c.participant_id = p.id AND c.purpose = 'participation' AND c.withdrawn_at < {cutoff})
                    AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.participant_id = p.id AND c.purpose = 'participation'
                                    AND (c.withdrawn_at IS NULL OR c.withdrawn_at >= {cutoff}))))
            """).ToListAsync(cancellationToken);

    /// <summary>Someone who wrote to us, never consented to anything and has been silent since before the cutoff.</summary>
    async Task<List<Guid>> AbandonedSignupsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<Guid>($"""
            SELECT p.id AS "Value" FROM participants p
            WHERE p.status = 'signing_up' AND p.updated_at < {cutoff}
              AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.participant_id = p.id)
              AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.participant_id = p.id AND m.created_at >= {cutoff})
            """).ToListAsync(cancellationToken);

    /// <summary>What erasure left behind for the console's history (marker texts, threads, handovers), deleted after the period.</summary>
    async Task<(string, int)[]> ErasedLeftoversAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var conversations = await db.Database.ExecuteSqlAsync($"""
            DELETE FROM conversations c USING participants p
            WHERE c.participant_id = p.id AND p.status = 'erased' AND p.updated_at < {cutoff}
            """, cancellationToken);
        var messages = await db.Database.ExecuteSqlAsync($"""
            DELETE FROM messages m USING participants p
            WHERE m.participant_id = p.id AND p.status = 'erased' AND p.updated_at < {cutoff}
            """, cancellationToken);
        var handovers = await db.Database.ExecuteSqlAsync($"""
            DELETE FROM handovers h USING participants p
            WHERE h.participant_id = p.id AND p.status = 'erased' AND p.updated_at < {cutoff}
            """, cancellationToken);
        return [("erased_conversations", conversations), ("erased_messages", messages), ("erased_handovers", handovers)];
    }
}
