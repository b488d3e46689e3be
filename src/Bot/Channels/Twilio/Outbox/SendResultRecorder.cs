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
/// Stores what Twilio answered to a batch of sends, in one transaction, and clears their in-flight marks. Accepted
/// sends, nearly all of them, are written by one statement; the rest one by one. A send another node took over meanwhile
/// (this node was taken for dead) is left as that node decided.
/// </summary>
public sealed partial class SendResultRecorder(
    MentorBotDb db,
    TwilioAccount account,
    SenderPacing pacing,
    OutboxNodeIdentity node,
    MentorBotMetrics metrics,
    TimeProvider clock,
    ILogger<SendResultRecorder> logger)
{
    /// <summary>With the doubling wait (1 s, 2 s, 4 s… capped at 10 min) this keeps trying for about an hour.</summary>
    public const int MaxAttempts = 15;

    static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);

    public async Task RecordAsync(IReadOnlyList<OutboxSendResult> results, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Database.AutoSavepointsEnabled = false; // one transaction, all or nothing: a savepoint would only add round trips
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var accepted = results.Where(r => r.Result?.Outcome == TwilioSendOutcome.Accepted).ToList();
        if (accepted.Count > 0)
        {
            await RecordAcceptedAsync(accepted, now, ct);
        }

        var others = results.Where(r => r.Result?.Outcome != TwilioSendOutcome.Accepted).ToList();
        if (others.Count > 0)
        {
            var ids = others.Select(r => r.Send.MessageId).ToList();
            var mine = await db.Messages.FromSql($"""
                SELECT * FROM messages WHERE id = ANY({ids}) AND send_node = {node.Id} FOR UPDATE
                """).ToDictionaryAsync(m => m.Id, ct);
            foreach (var (send, result) in others)
            {
                if (!mine.TryGetValue(send.MessageId, out var message))
                {
                    LogTakenOver(send.MessageId, result?.Outcome, null);
                }
                else if (result is null)
                {
                    // It never went out (the node stopped, no slot could be reserved): simply queued again.
                    message.SendStartedAt = null;
                    message.SendNode = null;
                    message.NextAttemptAt = now + account.Options.RetryBaseDelay;
                    message.UpdatedAt = now;
                }
                else
                {
                    await RecordAsync(message, send.Plan, result, now, ct);
                }
            }

            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    async Task RecordAcceptedAsync(List<OutboxSendResult> accepted, DateTimeOffset now, CancellationToken ct)
    {
        // Our "sending" means Twilio has it (its own queued/accepted); its callbacks take it from here. An accepted
        // send commits at once, before Twilio's first callback comes; one cancelled while its POST was open is sent all the same.
        await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = """
            UPDATE messages m SET provider_message_id = r.sid, delivery_status = 'sending', sent_via = r.route,
                whatsapp_template_sid = r.template, sent_at = $5, attempts = m.attempts + 1, next_attempt_at = NULL,
                error_code = NULL, error_message = NULL, send_started_at = NULL, send_node = NULL, updated_at = $5
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS r(id, sid, route, template)
            WHERE m.id = r.id AND m.send_node = $6
            RETURNING m.id
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = accepted.Select(a => a.Send.MessageId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = accepted.Select(a => a.Result!.Sid!).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = accepted.Select(a => SnakeCaseEnumConverter<DeliveryRoute>.NameOf(a.Send.Plan.Route)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = accepted.Select(a => (object?)a.Send.Plan.Request.ContentSid ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = node.Id, NpgsqlDbType = NpgsqlDbType.Text });
        var recorded = new HashSet<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                recorded.Add(reader.GetGuid(0));
            }
        }

        foreach (var (send, result) in accepted)
        {
            if (recorded.Contains(send.MessageId))
            {
                LogAccepted(send.MessageId, result!.Sid, send.Plan.Route, PhoneNumber.Mask(send.Plan.Request.To));
                metrics.OutboundAccepted(send.Channel);
            }
            else
            {
                LogTakenOver(send.MessageId, result!.Outcome, result.Sid);
            }
        }
    }

    async Task RecordAsync(Message message, DeliveryPlan plan, TwilioSendResult result, DateTimeOffset now, CancellationToken ct)
    {
        message.SendNode = null;
        message.UpdatedAt = now;
        if (message.DeliveryStatus != DeliveryStatus.Queued)
        {
            // Cancelled while its POST was open (she wrote STOP): that decision stands over a failed or unclear try,
            // which would otherwise overwrite its reason and plan a retry nobody will make.
            message.SendStartedAt = null;
            return;
        }

        var masked = PhoneNumber.Mask(plan.Request.To);
        switch (result.Outcome)
        {
            case TwilioSendOutcome.Unclear:
                // Twilio may have it. The in-flight mark stays, without a node: the reconciler asks Twilio's list first,
                // and counts the attempt when it knows how it went.
                message.NextAttemptAt = now + Backoff(message.Attempts + 1, null);
                message.ErrorCode = result.Error?.Code?.ToString();
                message.ErrorMessage = result.Error?.Message;
                LogUnclear(message.Id, message.Attempts + 1, result.Error?.HttpStatus, message.NextAttemptAt.Value);
                metrics.OutboundRetried(message.Channel);
                break;

            case TwilioSendOutcome.TryAgain when message.Attempts + 1 < MaxAttempts:
                message.Attempts++;
                message.SendStartedAt = null;
                message.NextAttemptAt = now + Backoff(message.Attempts, result.RetryAfter);
                message.ErrorCode = result.Error?.Code?.ToString();
                message.ErrorMessage = result.Error?.Message;
                if (result.Error?.HttpStatus == 429 && result.RetryAfter is { } after)
                {
                    // Twilio asks the sender, not this message, to wait: every node's next send from it waits too.
                    await pacing.PauseAsync(plan.Request.Sender, after, ct);
                }

                LogRetry(message.Id, message.Attempts, result.Error?.HttpStatus, result.Error?.Code, message.NextAttemptAt.Value);
                metrics.OutboundRetried(message.Channel);
                break;

            default:
                message.Attempts++;
                message.SendStartedAt = null;
                var code = result.Error?.Code;
                Fail(message, code, result.Error?.Message ?? "rejected", now);
                if (code is { } c && message.ParticipantId is { } participantId && TwilioErrorCodes.IsPermanentForRecipient(c)
                    && await db.Participants.FindAsync([participantId], ct) is { } participant)
                {
                    participant.PermanentDeliveryError = c;
                    if (c == TwilioErrorCodes.Unsubscribed)
                    {
                        // She sent STOP to Twilio's number, possibly before we knew her: honour it everywhere.
                        participant.OptedOutAt ??= now;
                        participant.OptedOutVia ??= message.Channel;
                    }

                    participant.UpdatedAt = now;
                }

                LogFailed(message.Id, result.Error?.HttpStatus, code, masked);
                metrics.OutboundFailed(message.Channel);
                break;
        }
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: doubling from <c>Twilio__RetryBaseDelay</c>, or Twilio's <c>Retry-After</c> when longer.</summary>
    TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var backoff = account.Options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        var delay = retryAfter is { } after && after > backoff ? after : backoff;
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    public static void Fail(Message message, int? code, string reason, DateTimeOffset now)
    {
        message.DeliveryStatus = DeliveryStatus.Failed;
        message.ErrorCode = code?.ToString();
        message.ErrorMessage = reason;
        message.NextAttemptAt = null;
        message.UpdatedAt = now;
    }

    [LoggerMessage(LogLevel.Information, "Outbound message {MessageId} handed to Twilio as {Sid} ({Route}) for {To}")]
    partial void LogAccepted(Guid messageId, string? sid, DeliveryRoute route, string to);

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId}: attempt {Attempt} failed (HTTP {HttpStatus}, Twilio error {Code}); trying again at {NextAttemptAt:O}")]
    partial void LogRetry(Guid messageId, int attempt, int? httpStatus, int? code, DateTimeOffset nextAttemptAt);

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId}: attempt {Attempt} has no clear answer (HTTP {HttpStatus}); Twilio's list is asked at {NextAttemptAt:O} before any resend")]
    partial void LogUnclear(Guid messageId, int attempt, int? httpStatus, DateTimeOffset nextAttemptAt);

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId} refused by Twilio (HTTP {HttpStatus}, error {Code}) for {To}; not retried")]
    partial void LogFailed(Guid messageId, int? httpStatus, int? code, string to);

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId} was reconciled by another node while this one sent it ({Outcome}, {Sid}); its answer is not stored")]
    partial void LogTakenOver(Guid messageId, TwilioSendOutcome? outcome, string? sid);
}
