using System.Text.Json;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.PhoneLinking;

/// <summary>
/// Makes two participants one, inside the caller's transaction, after everything tracked has been saved:
/// the channel identities, conversations (with their Direct Line activities), messages, dialog sessions,
/// handovers and codes of one move to the other, so there is one profile and one transcript. The one
/// merged away is deleted when it had no signup of its own; when both had signed up, it keeps its
/// profile, consents and matches (without any channel) for a coordinator to erase — an audit entry says so.
/// </summary>
public static class ParticipantMerge
{
    public static async Task RunAsync(MentorBotDb db, ParticipantMergeRequest merge, DateTimeOffset now, CancellationToken ct)
    {
        var (from, into) = (merge.From, merge.Into);
        var database = db.Database;
        // At most one active dialog per person: hers on the surviving side goes on, the other's is superseded.
        await database.ExecuteSqlAsync($"""
            UPDATE dialog_sessions SET status = 'superseded', ended_at = {now}
            WHERE participant_id = {from} AND status = 'active'
              AND EXISTS (SELECT 1 FROM dialog_sessions WHERE participant_id = {into} AND status = 'active')
            """, ct);
        await database.ExecuteSqlAsync($"UPDATE dialog_sessions SET participant_id = {into} WHERE participant_id = {from}", ct);
        await database.ExecuteSqlAsync($"""
            UPDATE handovers SET participant_id = {into}
            WHERE participant_id = {from}
              AND (status = 'released' OR NOT EXISTS (SELECT 1 FROM handovers WHERE participant_id = {into} AND status <> 'released'))
            """, ct);
        await database.ExecuteSqlAsync($"UPDATE channel_identities SET participant_id = {into} WHERE participant_id = {from}", ct);
        await database.ExecuteSqlAsync($"UPDATE conversations SET participant_id = {into} WHERE participant_id = {from}", ct);
        await database.ExecuteSqlAsync($"UPDATE messages SET participant_id = {into} WHERE participant_id = {from}", ct);
        await database.ExecuteSqlAsync($"UPDATE phone_verifications SET participant_id = {into} WHERE participant_id = {from}", ct);
        if (merge.DeleteFrom)
        {
            await database.ExecuteSqlAsync($"UPDATE consents SET participant_id = {into} WHERE participant_id = {from}", ct);
            await database.ExecuteSqlAsync($"UPDATE scheduled_prompts SET participant_id = {into} WHERE participant_id = {from}", ct);
            await database.ExecuteSqlAsync($"DELETE FROM participants WHERE id = {from}", ct);
        }
        else
        {
            // Her phone now belongs to the survivor (the unique index allows one owner).
            await database.ExecuteSqlAsync($"UPDATE participants SET phone = NULL, updated_at = {now} WHERE id = {from}", ct);
        }

        await database.ExecuteSqlAsync($"UPDATE participants SET phone = {merge.Phone}, updated_at = {now} WHERE id = {into}", ct);
        await LinkSmsAsync(db, into, merge.Phone, now, ct);
        db.AuditLog.Add(new AuditEntry
        {
            At = now, ActorKind = ActorKind.Participant, ActorId = into, Action = "participant.merged", SubjectKind = "participant", SubjectId = into,
            Details = JsonSerializer.Serialize(new { mergedFrom = from, fromDeleted = merge.DeleteFrom }),
        });
        Retarget(db, merge);
    }

    /// <summary>Her verified SMS identity (the number as an address), and the SMS thread the code went out on.</summary>
    public static async Task LinkSmsAsync(MentorBotDb db, Guid participantId, string phone, DateTimeOffset now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO channel_identities (id, participant_id, channel, address, verified_at, created_at)
            VALUES ({Guid.CreateVersion7()}, {participantId}, 'sms', {phone}, {now}, {now})
            ON CONFLICT (channel, address) DO UPDATE SET participant_id = EXCLUDED.participant_id, verified_at = EXCLUDED.verified_at
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE conversations SET participant_id = {participantId} WHERE channel = 'sms' AND channel_conversation_id = {phone} AND participant_id IS NULL
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE messages SET participant_id = {participantId}
            WHERE participant_id IS NULL AND conversation_id IN (SELECT id FROM conversations WHERE channel = 'sms' AND channel_conversation_id = {phone})
            """, ct);
    }

    /// <summary>
    /// What the unit of work still tracks follows the database: rows of the one merged away point at the
    /// survivor (as original values too, so nothing writes the old id back); a deleted participant is forgotten.
    /// </summary>
    static void Retarget(MentorBotDb db, ParticipantMergeRequest merge)
    {
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case Participant person when person.Id == merge.From:
                    if (merge.DeleteFrom)
                    {
                        entry.State = EntityState.Detached;
                    }
                    else
                    {
                        entry.Property(nameof(Participant.Phone)).CurrentValue = null;
                        entry.Property(nameof(Participant.Phone)).OriginalValue = null;
                    }

                    continue;
                case Participant person when person.Id == merge.Into:
                    entry.Property(nameof(Participant.Phone)).CurrentValue = merge.Phone;
                    entry.Property(nameof(Participant.Phone)).OriginalValue = merge.Phone;
                    continue;
                case Profile or Consent when !merge.DeleteFrom:
                    continue; // they stay with the one who signed up
                case Profile profile when profile.ParticipantId == merge.From:
                    entry.State = EntityState.Detached;
                    continue;
            }

            if (entry.Metadata.FindProperty("ParticipantId") is null)
            {
                continue;
            }

            var participantId = entry.Property("ParticipantId");
            if (Equals(participantId.CurrentValue, merge.From))
            {
                participantId.CurrentValue = merge.Into;
                participantId.OriginalValue = merge.Into;
            }
        }
    }
}
