using System.Text.Json;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Sends one due outbound SMS/WhatsApp message at a time. The row stays locked (<c>FOR UPDATE SKIP LOCKED</c>)
/// in a transaction until Twilio has answered and the answer is stored: other nodes skip it, and if this
/// process dies mid-way the lock and the transaction go with it, so the message is simply still queued.
/// The one gap left: a process killed after Twilio accepted but before the commit sends it twice.
/// </summary>
public sealed partial class OutboxSender(
    MentorBotDb db,
    TwilioMessagesClient twilio,
    TwilioAccount account,
    SenderPacing pacing,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    /// <summary>With the doubling wait (1 s, 2 s, 4 s… capped at 10 min) this keeps trying for about an hour.</summary>
    public const int MaxAttempts = 15;

    static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);

    /// <summary>Sends the next due message, if any. False when nothing is due.</summary>
    public async Task<bool> SendNextAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var due = await db.Messages.FromSql($"""
            SELECT * FROM messages
            WHERE direction = 'outbound' AND delivery_status = 'queued' AND provider_message_id IS NULL
              AND channel IN ('sms', 'whatsapp') AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
            ORDER BY created_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (due.Count == 0)
        {
            return false;
        }

        var message = due[0];
        var participant = message.ParticipantId is { } id ? await db.Participants.FindAsync([id], ct) : null;
        var conversation = await db.Conversations.FindAsync([message.ConversationId], ct);
        if (participant?.OptedOutAt is not null)
        {
            Fail(message, null, OutboxErrors.OptedOut, now);
        }
        else if (participant?.PermanentDeliveryError is { } permanent)
        {
            Fail(message, permanent, OutboxErrors.PermanentDeliveryError, now);
        }
        else if (await PlanAsync(message, participant, conversation, now, ct) is not { } plan)
        {
            Fail(message, null, OutboxErrors.NoAddress, now);
        }
        else
        {
            await pacing.WaitTurnAsync(plan.Request.Sender, ct);
            var result = await twilio.SendAsync(plan.Request, ct);
            Record(message, participant, plan, result, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>When the earliest queued message waiting for a retry becomes due (null: none is waiting).</summary>
    public async Task<DateTimeOffset?> NextRetryAtAsync(CancellationToken ct) =>
        await db.Messages
            .Where(m => m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Queued && m.ProviderMessageId == null
                && (m.Channel == Channel.Sms || m.Channel == Channel.Whatsapp))
            .MinAsync(m => m.NextAttemptAt, ct);

    sealed record Plan(TwilioMessageRequest Request, DeliveryRoute Route);

    /// <summary>
    /// SMS to her number; WhatsApp as free text inside the 24-hour window, else as the configured template,
    /// else as SMS to the same number.
    /// </summary>
    async Task<Plan?> PlanAsync(Message message, Participant? participant, Conversation? conversation, DateTimeOffset now, CancellationToken ct)
    {
        var defaultCountry = account.Options.DefaultCountryCode;
        TwilioAddress? to = null;
        if (conversation is not null && TwilioAddress.TryParse(conversation.ChannelConversationId, defaultCountry, out var address))
        {
            to = address;
        }
        else if (participant?.Phone is { } phone && TwilioAddress.TryParse(phone, defaultCountry, out var number))
        {
            to = message.Channel == Channel.Whatsapp ? number with { Channel = Channel.Whatsapp } : number;
        }

        if (to is null)
        {
            return null;
        }

        var from = string.IsNullOrEmpty(account.FromNumber) ? null : account.FromNumber;
        var service = string.IsNullOrEmpty(account.MessagingServiceSid) ? null : account.MessagingServiceSid;
        var sms = new Plan(new TwilioMessageRequest(to.Phone, from, service, message.Text), DeliveryRoute.Sms);
        if (to.Channel != Channel.Whatsapp)
        {
            return sms;
        }

        var whatsAppFrom = from is null ? null : TwilioAddress.WhatsAppPrefix + from;
        var lastInbound = await db.Messages
            .Where(m => m.ParticipantId == message.ParticipantId && m.Channel == Channel.Whatsapp && m.Direction == MessageDirection.Inbound)
            .MaxAsync(m => (DateTimeOffset?)m.CreatedAt, ct);
        if (WhatsAppWindow.IsOpen(lastInbound, now))
        {
            return new Plan(new TwilioMessageRequest(to.ToString(), whatsAppFrom, service, message.Text), DeliveryRoute.WhatsappFreeText);
        }

        if (account.Options.WhatsAppTemplateSid is { Length: > 0 } template)
        {
            var variables = JsonSerializer.Serialize(new Dictionary<string, string> { ["1"] = message.Text });
            return new Plan(new TwilioMessageRequest(to.ToString(), whatsAppFrom, service, null, template, variables), DeliveryRoute.WhatsappTemplate);
        }

        return sms;
    }

    void Record(Message message, Participant? participant, Plan plan, TwilioSendResult result, DateTimeOffset now)
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
                break;

            case TwilioSendOutcome.TryAgain when message.Attempts < MaxAttempts:
                var backoff = account.Options.RetryBaseDelay * Math.Pow(2, message.Attempts - 1);
                var delay = result.RetryAfter is { } after && after > backoff ? after : backoff;
                message.NextAttemptAt = now + (delay < MaxRetryDelay ? delay : MaxRetryDelay);
                message.ErrorCode = result.Error?.Code?.ToString();
                message.ErrorMessage = result.Error?.Message;
                LogRetry(message.Id, message.Attempts, result.Error?.HttpStatus, result.Error?.Code, message.NextAttemptAt.Value);
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
}
