using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Data.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Sends one due outbound SMS/WhatsApp message at a time, in three steps. (1) The row is claimed
/// (<c>FOR UPDATE SKIP LOCKED</c>), checked, planned, and waits for its sender's turn; then it is marked in flight
/// (<see cref="Message.SendStartedAt"/>, this node) and that is committed. (2) The POST to Twilio, with no
/// transaction open. (3) Twilio's answer is stored and the mark cleared. A process that dies in (1) leaves the
/// message simply queued; one that dies in (2) or (3) leaves it in flight, and <see cref="InFlightReconciler"/>
/// asks Twilio whether it has it before anything is sent again.
/// </summary>
public sealed partial class OutboxSender(
    MentorBotDb db,
    TwilioMessagesApi twilio,
    DeliveryPlanner planner,
    TwilioAccount account,
    SenderPacing pacing,
    OutboxNodeIdentity node,
    MentorBotMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    /// <summary>With the doubling wait (1 s, 2 s, 4 s… capped at 10 min) this keeps trying for about an hour.</summary>
    public const int MaxAttempts = 15;

    static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);

    /// <summary>Sends the next due message, if any. False when nothing is due.</summary>
    public async Task<bool> SendNextAsync(CancellationToken ct)
    {
        if (await ClaimNextAsync(ct) is not { } claim)
        {
            return false;
        }

        if (claim.Plan is { } plan)
        {
            var result = await twilio.SendAsync(plan.Request, ct);
            await RecordAsync(claim.MessageId, plan, result, ct);
        }

        return true;
    }

    /// <summary>A claimed message: in flight with its plan, or (no plan) settled without sending, e.g. she opted out.</summary>
    sealed record Claim(Guid MessageId, DeliveryPlan? Plan);

    /// <summary>Step (1): claims the next due message, waits its sender's turn and commits it as in flight.</summary>
    async Task<Claim?> ClaimNextAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var due = await db.Messages.FromSql($"""
            SELECT * FROM messages
            WHERE direction = 'outbound' AND delivery_status = 'queued' AND provider_message_id IS NULL AND send_started_at IS NULL
              AND channel IN ('sms', 'whatsapp') AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
            ORDER BY created_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (due.Count == 0)
        {
            return null;
        }

        var message = due[0];
        var participant = message.ParticipantId is { } participantId ? await db.Participants.FindAsync([participantId], ct) : null;
        var conversation = await db.Conversations.FindAsync([message.ConversationId], ct);
        DeliveryPlan? plan = null;
        if (participant?.OptedOutAt is not null)
        {
            Fail(message, null, OutboxErrors.OptedOut, now);
        }
        else if (participant?.PermanentDeliveryError is { } permanent)
        {
            Fail(message, permanent, OutboxErrors.PermanentDeliveryError, now);
        }
        else if (!OutboundBody.Fits(message.Text))
        {
            // The last line of defence: every writer splits or refuses long texts before queueing, but a row written
            // some other way (a script, an old version) would take a sender's turn for 24+ segments and then be refused
            // by Twilio. It fails here, for good, before it is paced.
            Fail(message, null, OutboxErrors.BodyTooLong, now);
            LogBodyTooLong(message.Id, message.Text.Length);
            metrics.OutboundFailed(message.Channel);
        }
        else if (await planner.PlanAsync(message, participant, conversation, now, ct) is not { } planned)
        {
            Fail(message, null, OutboxErrors.NoAddress, now);
        }
        else
        {
            // The row stays locked while it waits its sender's turn, so no other node takes it meanwhile.
            await pacing.WaitTurnAsync(planned.Request.Sender, planned.Segments, ct);
            plan = planned;
            now = clock.GetUtcNow();
            // The node's liveness is refreshed in the claim's own transaction: the heartbeat's first beat can come after a
            // node's first claim, or late on a starved machine, and a node with no fresh row is taken for dead — another
            // node then reconciled a send still in flight, found nothing at Twilio yet and sent it a second time.
            // The in-flight mark is the database's time, like the heartbeats and the reconciler's now(): leases are real
            // seconds, whatever the app's clock says (a node's skewed clock, or a test clock moved months ahead).
            var markedAt = await db.Database.SqlQuery<DateTimeOffset>($"""
                INSERT INTO outbox_nodes (node_id, seen_at) VALUES ({node.Id}, clock_timestamp())
                ON CONFLICT (node_id) DO UPDATE SET seen_at = clock_timestamp()
                RETURNING seen_at AS "Value"
                """).ToListAsync(ct);
            message.SendStartedAt = markedAt[0];
            message.SendNode = node.Id;
            message.SentVia = planned.Route;
            message.WhatsappTemplateSid = planned.Request.ContentSid;
            message.NextAttemptAt = null;
            message.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Claim(message.Id, plan);
    }

    /// <summary>When the earliest queued message waiting for a retry becomes due (null: none is waiting).</summary>
    public async Task<DateTimeOffset?> NextRetryAtAsync(CancellationToken ct) =>
        await db.Messages
            .Where(m => m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Queued && m.ProviderMessageId == null
                && (m.Channel == Channel.Sms || m.Channel == Channel.Whatsapp))
            .MinAsync(m => m.NextAttemptAt, ct);

    /// <summary>Stores Twilio's answer, unless the message was taken over meanwhile (this node was taken for dead).</summary>
    async Task RecordAsync(Guid id, DeliveryPlan plan, TwilioSendResult result, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mine = await db.Messages.FromSql($"""
            SELECT * FROM messages WHERE id = {id} AND send_node = {node.Id} FOR UPDATE
            """).ToListAsync(ct);
        if (mine.Count == 0)
        {
            LogTakenOver(id, result.Outcome, result.Sid);
            return;
        }

        var message = mine[0];
        message.SendStartedAt = null;
        message.SendNode = null;
        if (message.DeliveryStatus != DeliveryStatus.Queued && result.Outcome != TwilioSendOutcome.Accepted)
        {
            // Cancelled while its POST was open (she wrote STOP): that decision stands over a failed try,
            // which would otherwise overwrite its reason and plan a retry nobody will make.
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return;
        }

        // Only a refusal may concern her; an accepted send commits at once, before Twilio's first callback comes.
        var participant = result.Outcome == TwilioSendOutcome.Rejected && message.ParticipantId is { } participantId
            ? await db.Participants.FindAsync([participantId], ct)
            : null;
        Record(message, participant, plan, result, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    void Record(Message message, Participant? participant, DeliveryPlan plan, TwilioSendResult result, DateTimeOffset now)
    {
        message.Attempts++;
        message.UpdatedAt = now;
        var masked = PhoneNumber.Mask(plan.Request.To);
        switch (result.Outcome)
        {
            case TwilioSendOutcome.Accepted:
                // Our "sending" means Twilio has it (its own queued/accepted); its callbacks take it from here.
                message.ProviderMessageId = result.Sid;
                message.DeliveryStatus = DeliveryStatus.Sending;
                message.SentVia = plan.Route;
                message.WhatsappTemplateSid = plan.Request.ContentSid;
                message.SentAt = now;
                message.NextAttemptAt = null;
                message.ErrorCode = null;
                message.ErrorMessage = null;
                LogAccepted(message.Id, result.Sid, plan.Route, masked);
                metrics.OutboundAccepted(message.Channel);
                break;

            case TwilioSendOutcome.TryAgain when message.Attempts < MaxAttempts:
                var backoff = account.Options.RetryBaseDelay * Math.Pow(2, message.Attempts - 1);
                var delay = result.RetryAfter is { } after && after > backoff ? after : backoff;
                message.NextAttemptAt = now + (delay < MaxRetryDelay ? delay : MaxRetryDelay);
                message.ErrorCode = result.Error?.Code?.ToString();
                message.ErrorMessage = result.Error?.Message;
                LogRetry(message.Id, message.Attempts, result.Error?.HttpStatus, result.Error?.Code, message.NextAttemptAt.Value);
                metrics.OutboundRetried(message.Channel);
                break;

            default:
                var code = result.Error?.Code;
                Fail(message, code, result.Error?.Message ?? "rejected", now);
                if (code is { } c && participant is not null && TwilioErrorCodes.IsPermanentForRecipient(c))
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

    static void Fail(Message message, int? code, string reason, DateTimeOffset now)
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

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId} refused by Twilio (HTTP {HttpStatus}, error {Code}) for {To}; not retried")]
    partial void LogFailed(Guid messageId, int? httpStatus, int? code, string to);

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId} has a body of {Length} characters, over the limit; failed without sending")]
    partial void LogBodyTooLong(Guid messageId, int length);

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId} was reconciled by another node while this one sent it ({Outcome}, {Sid}); its answer is not stored")]
    partial void LogTakenOver(Guid messageId, TwilioSendOutcome outcome, string? sid);
}
