using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Settles a message whose send may or may not have reached Twilio: left in flight by a node that died (not seen for
/// <c>Twilio__NodeLease</c>) or that never stored Twilio's answer, or sent without a clear answer (a timeout, a cut
/// connection, a proxy's 5xx; its node then left it in flight without a node). Creating a message has no idempotency key,
/// so Twilio's message list is read first (<c>To</c>, <c>From</c>, back to the attempt's start, queued ones included)
/// for a message with the same body created after the attempt started and not already known to us. Found: its SID is
/// recorded and nothing is sent. Not found: the message is due again and the outbox sends it.
/// </summary>
public sealed partial class InFlightReconciler(
    MentorBotDb db,
    TwilioMessagesApi twilio,
    DeliveryPlanner planner,
    TwilioAccount account,
    TimeProvider clock,
    ILogger<InFlightReconciler> logger)
{
    /// <summary>Our clock and Twilio's may disagree this much; the list is read from this long before the attempt.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    static readonly TimeSpan ListRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Reconciles the next abandoned send, if any. False when there is none.</summary>
    public async Task<bool> ReconcileNextAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var lease = account.Options.NodeLease;
        // A live node that could not store Twilio's answer (its database went away) leaves it in flight too.
        var stuck = account.Options.RequestTimeout + lease + lease;
        // Never before the attempt's own POST has surely ended (the client gives up after RequestTimeout): a node taken
        // for dead may only be starved, its request still on the way, and Twilio's list would not show it yet. A send
        // without a node is one whose node saw its POST end unclearly: it waits only for its next_attempt_at.
        var requestOver = account.Options.RequestTimeout;
        var abandoned = await db.Messages.FromSql($"""
            SELECT m.* FROM messages m
            WHERE m.direction = 'outbound' AND m.delivery_status = 'queued' AND m.provider_message_id IS NULL
              AND m.channel IN ('sms', 'whatsapp') AND m.send_started_at IS NOT NULL
              AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= {now})
                AND (m.send_node IS NULL
                   OR (m.send_started_at < now() - {requestOver}
                       AND (m.send_started_at < now() - {stuck}
                            OR NOT EXISTS (SELECT 1 FROM outbox_nodes n WHERE n.node_id = m.send_node AND n.seen_at > now() - {lease}))))
            ORDER BY m.send_started_at
            LIMIT 1
            FOR UPDATE OF m SKIP LOCKED
            """).ToListAsync(ct);
        if (abandoned.Count == 0)
        {
            return false;
        }

        var message = abandoned[0];
        var participant = message.ParticipantId is { } participantId ? await db.Participants.FindAsync([participantId], ct) : null;
        var conversation = await db.Conversations.FindAsync([message.ConversationId], ct);
        var plan = planner.Replan(message, participant, conversation, message.SentVia ?? DeliveryRoute.Sms);
        var started = message.SendStartedAt!.Value;
        var masked = plan is null ? "" : PhoneNumber.Mask(plan.Request.To);
        if (plan is null)
        {
            // No address now means none then either: nothing can have been sent.
            SendAgain(message, now);
        }
        else
        {
            var list = await twilio.ListSentAsync(plan.Request.To, plan.Request.From, started - ClockSkew, ct);
            if (list.Messages is null)
            {
                message.NextAttemptAt = now + ListRetryDelay;
                LogListFailed(message.Id, list.Error?.HttpStatus, list.Error?.Code, masked);
            }
            else if (await FindOursAsync(list.Messages, message, plan, started, ct) is { } found)
            {
                Found(message, found, now);
                LogFound(message.Id, found.Sid, masked);
            }
            else
            {
                SendAgain(message, now);
                LogNotFound(message.Id, masked);
            }
        }

        message.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The earliest listed message that is this one: same recipient and body, created after the attempt began, not another message's.</summary>
    async Task<TwilioListedMessage?> FindOursAsync(IReadOnlyList<TwilioListedMessage> listed, Message message, DeliveryPlan plan, DateTimeOffset started, CancellationToken ct)
    {
        var candidates = listed
            .Where(m => m.Direction is null || m.Direction.StartsWith("outbound", StringComparison.Ordinal))
            .Where(m => string.Equals(m.To, plan.Request.To, StringComparison.OrdinalIgnoreCase))
            .Where(m => m.DateCreated is null || m.DateCreated >= started - ClockSkew)
            // A template's body is the rendered template, not our text: any template send in the window is taken for ours.
            .Where(m => plan.Route == DeliveryRoute.WhatsappTemplate || SameText(m.Body, message.Text))
            .OrderBy(m => m.DateCreated)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var sids = candidates.Select(m => m.Sid).ToList();
        var known = await db.Messages.Where(m => m.ProviderMessageId != null && sids.Contains(m.ProviderMessageId)).Select(m => m.ProviderMessageId).ToListAsync(ct);
        return candidates.FirstOrDefault(m => !known.Contains(m.Sid));
    }

    static bool SameText(string? listed, string ours) =>
        listed is not null && string.Equals(listed.ReplaceLineEndings("\n").Trim(), ours.ReplaceLineEndings("\n").Trim(), StringComparison.Ordinal);

    static void Found(Message message, TwilioListedMessage found, DateTimeOffset now)
    {
        message.Attempts++;
        message.ProviderMessageId = found.Sid;
        // Callbacks for it arrived while we didn't know its SID and were ignored: take the state Twilio shows now.
        var status = DeliveryStatusRecorder.FromTwilio(found.Status) is { } listed && DeliveryStatusRecorder.Rank(listed) > DeliveryStatusRecorder.Rank(DeliveryStatus.Sending)
            ? listed
            : DeliveryStatus.Sending;
        message.DeliveryStatus = status;
        message.SentAt = found.DateCreated ?? now;
        message.SendStartedAt = null;
        message.SendNode = null;
        message.NextAttemptAt = null;
        message.ErrorCode = null;
        message.ErrorMessage = null;
    }

    static void SendAgain(Message message, DateTimeOffset now)
    {
        message.Attempts++;
        message.SendStartedAt = null;
        message.SendNode = null;
        message.NextAttemptAt = now;
        if (message.Attempts >= SendResultRecorder.MaxAttempts)
        {
            SendResultRecorder.Fail(message, null, message.ErrorMessage ?? "no clear answer from Twilio", now);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId} was in flight on a node that died; Twilio has it as {Sid} (for {To}): recorded, not sent again")]
    partial void LogFound(Guid messageId, string sid, string to);

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId} was in flight on a node that died; Twilio does not have it (for {To}): sending it again")]
    partial void LogNotFound(Guid messageId, string to);

    [LoggerMessage(LogLevel.Warning, "Outbound message {MessageId} was in flight on a node that died; Twilio's message list could not be read (HTTP {HttpStatus}, error {Code}, for {To}); trying again later")]
    partial void LogListFailed(Guid messageId, int? httpStatus, int? code, string to);
}
