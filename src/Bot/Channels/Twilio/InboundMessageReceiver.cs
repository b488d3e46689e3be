using MentorBot.Bot.Channels.Twilio.Outbox;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Database;
using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Data.Telemetry;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MentorBot.Bot.Channels.Twilio;

public enum InboundOutcome { Stored, Duplicate }

/// <summary>
/// Stores a message a person sent by SMS or WhatsApp, once per MessageSid: finds or creates her
/// participant and conversation, applies STOP/START and answers HELP before any dialog, and lets the
/// <see cref="IInboundMessageProcessor"/> queue replies in the same transaction.
/// </summary>
public sealed partial class InboundMessageReceiver(
    MentorBotDb db,
    IInboundMessageProcessor processor,
    OptOutKeywords keywords,
    HelpKeywordReply help,
    MentorBotMetrics metrics,
    TimeProvider clock,
    ILogger<InboundMessageReceiver> logger)
{
    const string MessageSidIndex = "ix_messages_channel_provider_message_id";

    /// <summary>
    /// Stores it, trying again when the database was away for a moment: the MessageSid keeps a retry to once, even when
    /// the first try committed and only its answer was lost. Still away after that, the webhook is answered 503 and
    /// Twilio tries again later.
    /// </summary>
    public Task<InboundOutcome> ReceiveAsync(TwilioAddress from, string messageSid, string body, string? optOutType, CancellationToken ct) =>
        DatabaseOutage.RetryAsync(() =>
        {
            db.ChangeTracker.Clear();
            return ReceiveOnceAsync(from, messageSid, body, optOutType, ct);
        }, clock, ct);

    async Task<InboundOutcome> ReceiveOnceAsync(TwilioAddress from, string messageSid, string body, string? optOutType, CancellationToken ct)
    {
        // A MessageSid seen before (Twilio's retry) is told by the unique index when her message is first saved, before
        // any dialog runs: no lookup ahead of every message for the rare retry. Two webhooks racing (Twilio's retry, or
        // her first two messages) can both try to create her row; the loser starts over and finds the winner's.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreAsync(from, messageSid, body, optOutType, ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
            {
                db.ChangeTracker.Clear();
                if (unique.ConstraintName == MessageSidIndex)
                {
                    LogDuplicate(messageSid);
                    return InboundOutcome.Duplicate;
                }

                if (attempt == 2)
                {
                    throw;
                }
            }
        }
    }

    async Task<InboundOutcome> StoreAsync(TwilioAddress from, string messageSid, string body, string? optOutType, CancellationToken ct)
    {
        // No savepoint around each SaveChanges (two round trips each): a failed first save ends the whole transaction and
        // is tried again from the start, and the processor's work has its own savepoint below.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();

        var participant = await db.Participants.FirstOrDefaultAsync(p => p.Phone == from.Phone, ct);
        var created = participant is null;
        if (participant is null)
        {
            // Someone new: a mentee until the signup dialog learns otherwise, in Danish until she picks her language.
            participant = new Participant
            {
                Role = ParticipantRole.Mentee, Phone = from.Phone, Status = ParticipantStatus.SigningUp, PreferredLanguage = "da",
                CreatedAt = now, UpdatedAt = now,
            };
            db.Participants.Add(participant);
        }

        var address = from.ToString();
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Channel == from.Channel && c.ChannelConversationId == address, ct);
        if (conversation is null)
        {
            conversation = new Conversation { ParticipantId = participant.Id, Channel = from.Channel, ChannelConversationId = address, StartedAt = now };
            db.Conversations.Add(conversation);
        }

        conversation.ParticipantId ??= participant.Id;
        var message = MessageLog.Inbound(db, conversation, participant, body, now, providerMessageId: messageSid);

        var change = keywords.Classify(body, optOutType);
        ApplyOptOut(participant, change, from.Channel, now);
        if (change == OptOutChange.None && keywords.IsHelp(body, optOutType))
        {
            help.Add(db, conversation, participant, now);
        }

        await db.SaveChangesAsync(ct);

        if (change == OptOutChange.OptedOut)
        {
            // What was waiting for her is never sent, not even after a later START.
            await db.Messages
                .Where(m => m.ParticipantId == participant.Id && m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Queued && m.ProviderMessageId == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.DeliveryStatus, DeliveryStatus.Failed)
                    .SetProperty(m => m.ErrorMessage, OutboxErrors.OptedOut)
                    .SetProperty(m => m.UpdatedAt, now), ct);
        }
        else
        {
            await ProcessAsync(new InboundMessageContext(db, transaction, participant, conversation, message, change, clock) { ParticipantCreated = created }, ct);
        }

        await transaction.CommitAsync(ct);
        LogStored(from.Channel, messageSid, PhoneNumber.Mask(address), change);
        metrics.InboundReceived(from.Channel);
        return InboundOutcome.Stored;
    }

    /// <summary>
    /// Runs the processor after a savepoint. If it fails, its work is undone and her message is still kept:
    /// a bug in a dialog must not lose what she wrote (Twilio's one retry would fail the same way).
    /// </summary>
    async Task ProcessAsync(InboundMessageContext context, CancellationToken ct)
    {
        const string savepoint = "before_processor";
        await context.Transaction.CreateSavepointAsync(savepoint, ct);
        try
        {
            await processor.ProcessAsync(context, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await context.Transaction.RollbackToSavepointAsync(savepoint, ct);
            foreach (var entry in db.ChangeTracker.Entries().ToList())
            {
                if (entry.Entity == context.Participant || entry.Entity == context.Conversation || entry.Entity == context.Message)
                {
                    await entry.ReloadAsync(ct);
                }
                else
                {
                    entry.State = EntityState.Detached;
                }
            }

            LogProcessorFailed(e, context.Message.ProviderMessageId);
        }
    }

    static void ApplyOptOut(Participant participant, OptOutChange change, Channel channel, DateTimeOffset now)
    {
        switch (change)
        {
            case OptOutChange.OptedOut:
                participant.OptedOutAt = now;
                participant.OptedOutVia = channel;
                participant.UpdatedAt = now;
                break;
            case OptOutChange.OptedIn:
                participant.OptedOutAt = null;
                participant.OptedOutVia = null;
                if (participant.PermanentDeliveryError == TwilioErrorCodes.Unsubscribed)
                {
                    participant.PermanentDeliveryError = null; // Twilio lifts its own block on START too
                }

                participant.UpdatedAt = now;
                break;
        }
    }

    [LoggerMessage(LogLevel.Information, "Inbound {Channel} message {MessageSid} from {From} stored ({OptOut})")]
    partial void LogStored(Channel channel, string messageSid, string from, OptOutChange optOut);

    [LoggerMessage(LogLevel.Error, "Processing inbound message {MessageSid} failed: the message is stored, nothing it queued is")]
    partial void LogProcessorFailed(Exception e, string? messageSid);

    [LoggerMessage(LogLevel.Information, "Inbound message {MessageSid} was already stored: acknowledged, not processed again")]
    partial void LogDuplicate(string messageSid);
}
