using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Data.Naming;
using MentorBot.Data.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Takes due outbound SMS/WhatsApp messages in one transaction: claims up to a batch (<c>FOR UPDATE SKIP LOCKED</c>),
/// checks and plans each, reserves its sender's slot, and marks the ones to send in flight (<see cref="Message.SendStartedAt"/>,
/// this node), all committed together before any POST. Only the oldest unsettled message of a conversation is due, so
/// her messages reach her in order however many sends are open. A process that dies before the commit leaves the
/// messages simply queued; one that dies after it leaves them in flight, and <see cref="InFlightReconciler"/> asks
/// Twilio whether it has them before anything is sent again.
/// </summary>
public sealed partial class OutboxClaimer(
    MentorBotDb db,
    DeliveryPlanner planner,
    SenderPacing pacing,
    OutboxNodeIdentity node,
    MentorBotMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxClaimer> logger)
{
    /// <param name="unreserved">Sender time this node's earlier claims took and their sends have not reserved yet.</param>
    public async Task<OutboxClaim> ClaimAsync(int max, IReadOnlyDictionary<string, TimeSpan> unreserved, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // Its one SaveChanges needs no savepoint of its own: a failure rolls the whole claim back (two round trips saved).
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        // Her oldest unsettled message, as a subquery run per candidate on its conversation's index entries: written as
        // NOT EXISTS, a queue that grew faster than its statistics were refreshed got a plan that read every unsettled
        // row for each candidate (a second a claim at 20,000 queued). The conversation and its participant come in the
        // same statement: each round trip of a claim holds up the sends waiting for it.
        var due = await db.Messages.FromSql($"""
            SELECT m.* FROM messages m
            WHERE m.direction = 'outbound' AND m.delivery_status = 'queued' AND m.provider_message_id IS NULL AND m.send_started_at IS NULL
              AND m.channel IN ('sms', 'whatsapp') AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= {now})
              AND m.id = (
                SELECT e.id FROM messages e
                WHERE e.conversation_id = m.conversation_id AND e.direction = 'outbound' AND e.delivery_status = 'queued'
                  AND e.provider_message_id IS NULL
                ORDER BY e.created_at, e.id
                LIMIT 1)
            ORDER BY m.created_at
            LIMIT {max}
            FOR UPDATE OF m SKIP LOCKED
            """).AsNoTracking().Include(m => m.Conversation).ThenInclude(c => c!.Participant).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        if (due.Count == 0)
        {
            return new OutboxClaim([], 0);
        }

        var participants = await ParticipantsAsync(due, ct);
        var (markedAt, backlog, nextRetryAt) = await MarkNodeAliveAsync(now, ct);
        foreach (var (sender, time) in unreserved)
        {
            backlog[sender] = backlog.GetValueOrDefault(sender) + time;
        }

        var room = pacing.IsOn ? SenderPacing.Lookahead : TimeSpan.Zero;
        var planned = new List<(Message Message, DeliveryPlan Plan)>();
        var changed = new List<Message>();
        foreach (var message in due)
        {
            var participant = message.ParticipantId is { } id ? participants.GetValueOrDefault(id) : null;
            if (await CheckAsync(message, participant, message.Conversation, now, ct) is not { } plan)
            {
                changed.Add(message);
                continue;
            }

            // A sender's time already taken beyond the lookahead (or any of it, when Twilio asked it to wait): back to the
            // queue until about when it has room, behind the ones put back before it.
            var sender = plan.Request.Sender;
            var taken = backlog.GetValueOrDefault(sender);
            backlog[sender] = taken + pacing.Cost(plan.Segments);
            if (taken > room)
            {
                message.NextAttemptAt = now + (taken - room);
                message.UpdatedAt = now;
                changed.Add(message);
                nextRetryAt = nextRetryAt is { } earliest && earliest < message.NextAttemptAt ? earliest : message.NextAttemptAt;
                continue;
            }

            planned.Add((message, plan));
        }

        var sends = planned.Select(p => new OutboxSend(p.Message.Id, p.Message.Channel, p.Plan)).ToList();
        if (planned.Count > 0)
        {
            await MarkInFlightAsync(planned, markedAt, now, ct);
        }

        if (changed.Count > 0)
        {
            // What the checks settled without sending, and what waits for its sender's room: read untracked (tracking every
            // claimed row, its conversation and participant cost more than the rest of the claim), so written whole. The
            // row is locked by this claim; its conversation is left out, since two may share a participant read twice.
            foreach (var message in changed)
            {
                message.Conversation = null;
                db.Messages.Update(message);
            }

            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new OutboxClaim(sends, due.Count) { NextRetryAt = nextRetryAt };
    }

    /// <summary>
    /// The claimed sends marked in flight by this node, in one statement: as tracked changes they cost a statement each
    /// and most of the claim's time in the app (a tenth of its CPU per inbound webhook, whose two replies it claims).
    /// </summary>
    async Task MarkInFlightAsync(List<(Message Message, DeliveryPlan Plan)> planned, DateTimeOffset markedAt, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = """
            UPDATE messages m SET send_started_at = $4, send_node = $5, sent_via = s.route, whatsapp_template_sid = s.template,
                next_attempt_at = NULL, updated_at = $6
            FROM unnest($1::uuid[], $2::text[], $3::text[]) AS s(id, route, template)
            WHERE m.id = s.id
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = planned.Select(p => p.Message.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = planned.Select(p => SnakeCaseEnumConverter<DeliveryRoute>.NameOf(p.Plan.Route)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = planned.Select(p => (object?)p.Plan.Request.ContentSid ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = markedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = node.Id, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The plan to send by, or null when the message was settled without sending (she opted out, no address…).</summary>
    async Task<DeliveryPlan?> CheckAsync(Message message, Participant? participant, Conversation? conversation, DateTimeOffset now, CancellationToken ct)
    {
        if (participant?.OptedOutAt is not null)
        {
            SendResultRecorder.Fail(message, null, OutboxErrors.OptedOut, now);
        }
        else if (participant?.PermanentDeliveryError is { } permanent)
        {
            SendResultRecorder.Fail(message, permanent, OutboxErrors.PermanentDeliveryError, now);
        }
        else if (!OutboundBody.Fits(message.Text))
        {
            // The last line of defence: every writer splits or refuses long texts before queueing, but a row written
            // some other way (a script, an old version) would take a sender's turn for 24+ segments and then be refused
            // by Twilio. It fails here, for good, before it is paced.
            SendResultRecorder.Fail(message, null, OutboxErrors.BodyTooLong, now);
            LogBodyTooLong(message.Id, message.Text.Length);
            metrics.OutboundFailed(message.Channel);
        }
        else if (await planner.PlanAsync(message, participant, conversation, now, ct) is not { } plan)
        {
            SendResultRecorder.Fail(message, null, OutboxErrors.NoAddress, now);
        }
        else
        {
            return plan;
        }

        return null;
    }

    /// <summary>Each message's participant: her conversation's, unless the message names someone else (then read apart).</summary>
    async Task<Dictionary<Guid, Participant>> ParticipantsAsync(List<Message> due, CancellationToken ct)
    {
        var participants = new Dictionary<Guid, Participant>();
        foreach (var participant in due.Select(m => m.Conversation?.Participant).OfType<Participant>())
        {
            participants.TryAdd(participant.Id, participant);
        }

        var missing = due.Where(m => m.ParticipantId is { } id && !participants.ContainsKey(id)).Select(m => m.ParticipantId!.Value).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var participant in await db.Participants.Where(p => missing.Contains(p.Id)).ToListAsync(ct))
            {
                participants[participant.Id] = participant;
            }
        }

        return participants;
    }

    /// <summary>
    /// Refreshes the node's liveness in the claim's own transaction, reads the senders' backlog and the next retry's time,
    /// in one round trip. Liveness here because the heartbeat's first beat can come after a node's first claim, or late on
    /// a starved machine, and a node with no fresh row is taken for dead — another node then reconciled a send still in
    /// flight, found nothing at Twilio yet and sent it a second time. The time returned marks the claimed sends in flight:
    /// the database's time, like the heartbeats and the reconciler's now(), so leases are real seconds whatever the app's
    /// clock says (a node's skewed clock, or a test clock moved months ahead).
    /// </summary>
    async Task<(DateTimeOffset MarkedAt, Dictionary<string, TimeSpan> Backlog, DateTimeOffset? NextRetryAt)> MarkNodeAliveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
        var alive = new NpgsqlBatchCommand("""
            INSERT INTO outbox_nodes (node_id, seen_at) VALUES ($1, clock_timestamp())
            ON CONFLICT (node_id) DO UPDATE SET seen_at = clock_timestamp()
            RETURNING seen_at
            """);
        alive.Parameters.Add(new NpgsqlParameter { Value = node.Id, NpgsqlDbType = NpgsqlDbType.Text });
        batch.BatchCommands.Add(alive);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(SenderPacing.BacklogSql));
        var retry = new NpgsqlBatchCommand(NextRetrySql);
        retry.Parameters.Add(new NpgsqlParameter { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        batch.BatchCommands.Add(retry);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var markedAt = reader.GetFieldValue<DateTimeOffset>(0);
        await reader.NextResultAsync(ct);
        var backlog = await SenderPacing.ReadBacklogAsync(reader, ct);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return (markedAt, backlog, await reader.IsDBNullAsync(0, ct) ? null : reader.GetFieldValue<DateTimeOffset>(0));
    }

    /// <summary>The next retry's time, read in the claim's batch (no round trip of its own at load) or by <see cref="NextRetryAtAsync"/>.</summary>
    const string NextRetrySql = """
        SELECT min(next_attempt_at) FROM messages
        WHERE direction = 'outbound' AND delivery_status = 'queued' AND provider_message_id IS NULL
          AND channel IN ('sms', 'whatsapp') AND next_attempt_at > $1
        """;

    /// <summary>The next moment a queued message's wait for a retry ends, after now (null: none is waiting).</summary>
    public async Task<DateTimeOffset?> NextRetryAtAsync(CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(NextRetrySql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            return await command.ExecuteScalarAsync(ct) is DateTime next ? new DateTimeOffset(next, TimeSpan.Zero) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId} has a body of {Length} characters, over the limit; failed without sending")]
    partial void LogBodyTooLong(Guid messageId, int length);
}
