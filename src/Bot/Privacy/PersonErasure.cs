using MentorBot.Bot.Access;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MentorBot.Bot.Privacy;

/// <summary>
/// Erases a person (GDPR art. 17): in one transaction, her personal data is removed or anonymised in every
/// table, and what is left is anonymous statistics tied to her now meaningless id (survey answers, match
/// counts, consents as facts, event attendance). Idempotent: erasing an erased person changes nothing.
/// What is removed and what is kept is listed in docs/privacy.md.
/// </summary>
public sealed class PersonErasure(MentorBotDb db, TimeProvider clock, ILogger<PersonErasure> logger)
{
    /// <summary>What an erased message's text (and her name in her partners' texts) becomes.</summary>
    public const string ErasedText = "[erased]";

    /// <summary>A coordinator erases her from the console (only within her branches).</summary>
    public Task<ErasureResult> EraseAsync(Guid participantId, BranchScope scope, CancellationToken cancellationToken) =>
        EraseAsync(participantId, scope, "coordinator", cancellationToken);

    /// <summary>The retention job erases her: a withdrawn consent or a deletion request past its grace period, an abandoned signup.</summary>
    public Task<ErasureResult> EraseBySystemAsync(Guid participantId, string reason, CancellationToken cancellationToken) =>
        EraseAsync(participantId, BranchScope.System, reason, cancellationToken);

    async Task<ErasureResult> EraseAsync(Guid id, BranchScope scope, string reason, CancellationToken cancellationToken)
    {
        var coordinatorId = scope.CoordinatorId;
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Her row locked first: a concurrent erasure (a coordinator and the daily job) waits and then finds her erased.
        var person = await db.Participants.FromSql($"SELECT * FROM participants WHERE id = {id} FOR UPDATE").AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (person is null || !scope.Allows(person.BranchId))
        {
            return ErasureResult.NotFound;
        }

        if (person.Status == ParticipantStatus.Erased)
        {
            PrivacyAudit.Add(db, now, coordinatorId, "participant.erasure_repeated", "participant", id, person.BranchId, new { reason });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ErasureResult.AlreadyErased;
        }

        var matches = await db.Matches.Where(m => m.MenteeId == id || m.MentorId == id)
            .Select(m => new { m.Id, Partner = m.MenteeId == id ? m.MentorId : m.MenteeId }).ToListAsync(cancellationToken);
        var matchIds = matches.Select(m => m.Id).ToArray();
        var partners = matches.Select(m => m.Partner).Distinct().ToArray();
        var conversations = await db.Conversations.Where(c => c.ParticipantId == id).Select(c => c.Id).ToArrayAsync(cancellationToken);
        var rows = new Dictionary<string, int>();
        var sql = db.Database;
        // Her numbers: the one on her row, any she asked to link, and the ones she wrote from (her SMS and WhatsApp
        // addresses and threads). Her partners' texts may hold any of them: linking a new number replaces the one on
        // her row, but her mentor's introduction still gives the number she had then.
        var phones = await db.PhoneVerifications.Where(v => v.ParticipantId == id).Select(v => v.Phone)
            .Concat(db.ChannelIdentities.Where(i => i.ParticipantId == id && (i.Channel == Channel.Sms || i.Channel == Channel.Whatsapp)).Select(i => i.Address))
            .Concat(db.Conversations.Where(c => c.ParticipantId == id && (c.Channel == Channel.Sms || c.Channel == Channel.Whatsapp)).Select(c => c.ChannelConversationId))
            .Distinct().ToListAsync(cancellationToken);
        if (person.Phone is { Length: > 0 } own)
        {
            phones.Add(own);
        }

        // Her name in what her partners were sent and told (the intro, "your mentee …", their dialogs' values):
        // the whole name, then each part of it (a text may use her first name only). Then her phone number ("reach her
        // on +45 20 12 34 56"), in every form it is written.
        if (partners.Length > 0)
        {
            foreach (var name in NameForms(person.DisplayName))
            {
                await ScrubPartnersAsync(sql, partners, name, "partner", rows, now, cancellationToken);
            }

            foreach (var number in PhoneForms(phones))
            {
                await ScrubPartnersAsync(sql, partners, number, "partner_phone", rows, now, cancellationToken);
            }
        }

        // Her phone-link codes: a number and her id in each row.
        rows["phone_verifications"] = await sql.ExecuteSqlAsync($"DELETE FROM phone_verifications WHERE participant_id = {id}", cancellationToken);

        // Her transcript: every text becomes the marker, and what it was made from goes with it (a bot message's
        // arguments, her reply's reading; the key and options name no one); a reply still waiting in the outbox is never sent.
        rows["messages"] = await sql.ExecuteSqlAsync($"""
            UPDATE messages SET
                text = {ErasedText}, message_args = NULL, answer_reading = NULL, provider_message_id = NULL, error_message = NULL, whatsapp_template_sid = NULL, next_attempt_at = NULL,
                error_code = CASE WHEN direction = 'outbound' AND delivery_status = 'queued' THEN 'erased' ELSE error_code END,
                delivery_status = CASE WHEN direction = 'outbound' AND delivery_status = 'queued' THEN 'failed' ELSE delivery_status END,
                updated_at = {now}
            WHERE participant_id = {id} OR conversation_id = ANY({conversations})
            """, cancellationToken);
        rows["direct_line_activities"] = await sql.ExecuteSqlAsync($"DELETE FROM direct_line_activities WHERE conversation_id = ANY({conversations})", cancellationToken);
        // Her web chat tokens (in her browser, or a shared phone's) are revoked before her conversations lose their ids.
        rows["direct_line_tokens_revoked"] = await sql.ExecuteSqlAsync($"""
            INSERT INTO direct_line_token_generations (conversation_key, generation, changed_at)
            SELECT encode(sha256(convert_to(channel_conversation_id, 'UTF8')), 'hex'), 1, {now}
            FROM conversations WHERE participant_id = {id} AND channel = 'web_chat'
            ON CONFLICT (conversation_key) DO UPDATE SET generation = direct_line_token_generations.generation + 1, changed_at = EXCLUDED.changed_at
            """, cancellationToken);
        // The SMS/WhatsApp thread id is her number: replaced by a placeholder that keeps the unique index happy.
        rows["conversations"] = await sql.ExecuteSqlAsync($"UPDATE conversations SET channel_conversation_id = 'erased:' || id::text WHERE participant_id = {id}", cancellationToken);
        rows["channel_identities"] = await sql.ExecuteSqlAsync($"DELETE FROM channel_identities WHERE participant_id = {id}", cancellationToken);
        rows["dialog_sessions"] = await sql.ExecuteSqlAsync($"DELETE FROM dialog_sessions WHERE participant_id = {id}", cancellationToken);
        rows["consents"] = await sql.ExecuteSqlAsync($"UPDATE consents SET withdrawn_at = {now} WHERE participant_id = {id} AND withdrawn_at IS NULL", cancellationToken);
        rows["profiles"] = await sql.ExecuteSqlAsync($"""
            UPDATE profiles SET profession = NULL, city = NULL, availability = NULL, employer = NULL, updated_at = {now}
            WHERE participant_id = {id}
            """, cancellationToken);
        // Notes of both sides: a partner's note about their meetings is about her too.
        rows["meeting_report_notes"] = await sql.ExecuteSqlAsync($"UPDATE meeting_reports SET note = NULL WHERE match_id = ANY({matchIds}) AND note IS NOT NULL", cancellationToken);
        rows["match_history_reasons"] = await sql.ExecuteSqlAsync($"UPDATE match_status_changes SET reason = NULL WHERE match_id = ANY({matchIds}) AND reason IS NOT NULL", cancellationToken);
        var actorKind = coordinatorId is null ? "system" : "coordinator";
        rows["matches_ended"] = await sql.ExecuteSqlAsync($"""
            INSERT INTO match_status_changes (match_id, from_status, to_status, changed_by, actor_id, reason, changed_at)
            SELECT id, status, CASE WHEN status = 'active' THEN 'ended' ELSE 'cancelled' END, {actorKind}, {coordinatorId}::uuid, 'participant_erased', {now}
            FROM matches WHERE id = ANY({matchIds}) AND status IN ('requested', 'pending_approval', 'active')
            """, cancellationToken);
        await sql.ExecuteSqlAsync($"""
            UPDATE matches SET
                status = CASE WHEN status = 'active' THEN 'ended' WHEN status IN ('requested', 'pending_approval') THEN 'cancelled' ELSE status END,
                end_reason = CASE WHEN status IN ('requested', 'pending_approval', 'active') THEN 'participant_erased' ELSE NULL END,
                ended_at = CASE WHEN status IN ('requested', 'pending_approval', 'active') THEN {now} ELSE ended_at END,
                decline_reason = NULL
            WHERE id = ANY({matchIds})
            """, cancellationToken);
        rows["blocked_pairs"] = await sql.ExecuteSqlAsync($"DELETE FROM blocked_pairs WHERE mentee_id = {id} OR mentor_id = {id}", cancellationToken);
        rows["handovers"] = await sql.ExecuteSqlAsync($"""
            UPDATE handovers SET reason = NULL, status = 'released', released_at = COALESCE(released_at, {now}) WHERE participant_id = {id}
            """, cancellationToken);
        // Hers, and her partners' prompts about their matches with her.
        rows["prompts_cancelled"] = await sql.ExecuteSqlAsync($"""
            UPDATE scheduled_prompts SET status = 'cancelled', last_error = 'erased'
            WHERE (participant_id = {id} OR match_id = ANY({matchIds})) AND status IN ('scheduled', 'deferred')
            """, cancellationToken);
        rows["event_registrations"] = await sql.ExecuteSqlAsync($"""
            UPDATE event_registrations r SET
                children_ages = ARRAY[]::integer[],
                status = CASE WHEN r.status IN ('invited', 'registered') AND e.starts_at > {now} THEN 'cancelled' ELSE r.status END
            FROM events e
            WHERE e.id = r.event_id AND r.participant_id = {id}
            """, cancellationToken);
        rows["surveys_cancelled"] = await sql.ExecuteSqlAsync($"""
            UPDATE survey_instances SET status = 'cancelled' WHERE participant_id = {id} AND status IN ('sent', 'in_progress')
            """, cancellationToken);
        await sql.ExecuteSqlAsync($"""
            UPDATE participants SET display_name = NULL, phone = NULL, status = 'erased', permanent_delivery_error = NULL, updated_at = {now}
            WHERE id = {id}
            """, cancellationToken);

        PrivacyAudit.Add(db, now, coordinatorId, "participant.erased", "participant", id, person.BranchId, new { reason, rows });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Participant {ParticipantId} erased ({Reason})", id, reason);
        return new ErasureResult(ErasureOutcome.Erased, rows);
    }

    /// <summary>Her whole name, then its parts of three letters or more, longest first (so "Amal Haddad" goes before "Amal").</summary>
    internal static IEnumerable<string> NameForms(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName)
            ? []
            : new[] { displayName.Trim() }
                .Concat(displayName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(part => part.Length >= 3))
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(form => form.Length);

    /// <summary>
    /// Each number as E.164 (+4520123456), international and national as libphonenumber writes them (+45 20 12 34 56,
    /// 20 12 34 56), with 00 for + (004520123456) and bare digits (4520123456, 20123456); longest first, so the
    /// national form never leaves a "+45 " behind. Forms shorter than six digits are left alone (they'd hit other numbers).
    /// </summary>
    internal static IEnumerable<string> PhoneForms(IEnumerable<string> numbers)
    {
        var util = PhoneNumbers.PhoneNumberUtil.GetInstance();
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var number in numbers.Select(n => n.Replace("whatsapp:", "", StringComparison.Ordinal).Trim()).Where(n => n.Length > 0))
        {
            forms.Add(number);
            try
            {
                var parsed = util.Parse(number, null);
                var e164 = util.Format(parsed, PhoneNumbers.PhoneNumberFormat.E164);
                var national = util.Format(parsed, PhoneNumbers.PhoneNumberFormat.NATIONAL);
                forms.UnionWith([e164, util.Format(parsed, PhoneNumbers.PhoneNumberFormat.INTERNATIONAL), national, "00" + e164[1..], e164[1..],
                    new string(national.Where(char.IsAsciiDigit).ToArray())]);
            }
            catch (PhoneNumbers.NumberParseException)
            {
                // Not a number libphonenumber reads: only the text as stored.
            }
        }

        return forms.Where(form => form.Count(char.IsAsciiDigit) >= 6).OrderByDescending(form => form.Length);
    }

    /// <summary>Replaces <paramref name="text"/> with the erased marker in her partners' messages (and their arguments), dialog states and web chat activities.</summary>
    static async Task ScrubPartnersAsync(
        DatabaseFacade sql, Guid[] partners, string text, string step, Dictionary<string, int> rows, DateTimeOffset now, CancellationToken ct)
    {
        var jsonText = JsonbText(text);
        var jsonMarker = JsonbText(ErasedText);
        // The arguments a partner's message was rendered from hold her name too ({partner_name}): the console renders them again.
        Count(rows, step + "_messages", await sql.ExecuteSqlAsync($"""
            UPDATE messages SET
                text = replace(text, {text}, {ErasedText}),
                message_args = replace(message_args::text, {jsonText}, {jsonMarker})::jsonb,
                updated_at = {now}
            WHERE participant_id = ANY({partners}) AND (strpos(text, {text}) > 0 OR strpos(message_args::text, {jsonText}) > 0)
            """, ct));
        Count(rows, step + "_dialog_sessions", await sql.ExecuteSqlAsync($"""
            UPDATE dialog_sessions SET state = replace(state::text, {jsonText}, {jsonMarker})::jsonb
            WHERE participant_id = ANY({partners}) AND strpos(state::text, {jsonText}) > 0
            """, ct));
        Count(rows, step + "_activities", await sql.ExecuteSqlAsync($"""
            UPDATE direct_line_activities SET activity = replace(activity::text, {jsonText}, {jsonMarker})::jsonb
            WHERE conversation_id IN (SELECT c.id FROM conversations c WHERE c.participant_id = ANY({partners}))
              AND strpos(activity::text, {jsonText}) > 0
            """, ct));
    }

    static void Count(Dictionary<string, int> rows, string step, int count) => rows[step] = rows.GetValueOrDefault(step) + count;

    /// <summary>A string as it appears inside a jsonb value's text form (quotes and backslashes escaped; other characters as they are).</summary>
    static string JsonbText(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
