using MentorBot.Bot.Channels.Twilio.Outbox;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Database;
using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Data.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MentorBot.Bot.Channels.Twilio;

public enum InboundOutcome { Stored, Duplicate }

/// <summary>One message as Twilio's webhook gave it, cleaned of control characters.</summary>
public sealed record InboundSms(TwilioAddress From, string MessageSid, string Body, string? OptOutType);

/// <summary>
/// Stores a message a person sent by SMS or WhatsApp, once per MessageSid: finds or creates her
/// participant and conversation, applies STOP/START and answers HELP before any dialog, and lets the
/// <see cref="IInboundMessageProcessor"/> queue replies in the same transaction, saved with her message in one go.
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
    /// <summary>The rows a batch of turns adds, inserted a table at a time (<see cref="BulkInserts"/>): a new person and her conversation, then her messages, the replies and the dialogs' states.</summary>
    static readonly BulkInsertTypes TurnRows = new(Before: [typeof(Participant), typeof(Conversation)], After: [typeof(DialogSession), typeof(Message)]);

    const string MessageSidIndex = "ix_messages_channel_provider_message_id";

    // Her row or conversation created by a webhook racing this one (her first two messages at once).
    const string ParticipantPhoneIndex = "ix_participants_phone";
    const string ConversationIndex = "ix_conversations_channel_conversation";

    /// <summary>
    /// Stores it, trying again when the database was away for a moment: the MessageSid keeps a retry to once, even when
    /// the first try committed and only its answer was lost. Still away after that, the webhook is answered 503 and
    /// Twilio tries again later.
    /// </summary>
    public Task<InboundOutcome> ReceiveAsync(InboundSms sms, CancellationToken ct) =>
        DatabaseOutage.RetryAsync(() => ReceiveOnceAsync(sms, ct), clock, ct);

    async Task<InboundOutcome> ReceiveOnceAsync(InboundSms sms, CancellationToken ct)
    {
        // A MessageSid seen before (Twilio's retry) is told by the unique index when her message is saved: no lookup
        // ahead of every message for the rare retry. Two webhooks racing (Twilio's retry, or her first two messages) can
        // both try to create her row; the loser starts over and finds the winner's.
        var withProcessor = true;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StoreAsync([sms], withProcessor, ct);
                return InboundOutcome.Stored;
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: var index }
                && index is MessageSidIndex or ParticipantPhoneIndex or ConversationIndex)
            {
                if (index == MessageSidIndex)
                {
                    LogDuplicate(sms.MessageSid);
                    return InboundOutcome.Duplicate;
                }

                if (attempt == 2)
                {
                    throw;
                }
            }
            catch (Exception e) when (withProcessor && e is not OperationCanceledException && !DatabaseOutage.Caused(e))
            {
                // The dialog failed, or its writes did. Everything this transaction did is undone, and her message is
                // stored again without it: a bug in a dialog must not lose what she wrote (Twilio's one retry would fail
                // the same way). A savepoint before the dialog would keep the first try's rows, but costs two round trips
                // and a subtransaction on every message for a failure that should never happen.
                LogProcessorFailed(e, sms.MessageSid);
                withProcessor = false;
            }
        }
    }

    /// <summary>
    /// Several messages from different people in one transaction, as concurrent webhooks arrive (<see cref="InboundGroupCommit"/>):
    /// every turn's rows saved in one go and committed once. Any failure undoes them all and throws; the caller then stores
    /// each on its own with <see cref="ReceiveAsync"/>, which tells a retry, a race and a failing dialog apart.
    /// </summary>
    public Task ReceiveTogetherAsync(IReadOnlyList<InboundSms> messages, CancellationToken ct) => StoreAsync(messages, withProcessor: true, ct);

    /// <summary>
    /// One transaction for <paramref name="messages"/> (one, or a batch of different people's): her row and conversation
    /// read for all at once, each staged, everything saved once and committed.
    /// </summary>
    async Task StoreAsync(IReadOnlyList<InboundSms> messages, bool withProcessor, CancellationToken ct)
    {
        db.ChangeTracker.Clear(); // a try before this one may have left its rows
        db.Database.AutoSavepointsEnabled = false; // a failed save ends the whole transaction and is tried again from the start
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Written out: LINQ's Contains on the nullable column adds "OR (phone IS NULL AND array_position(…) IS NOT NULL)",
        // for a null the list never holds: a second probe of the unique index on every batch, or a test on every row when
        // PostgreSQL reads the table.
        var phones = messages.Select(m => m.From.Phone).ToArray();
        var participants = await db.Participants.FromSql($"SELECT * FROM participants WHERE phone = ANY ({phones})").ToDictionaryAsync(p => p.Phone!, ct);
        var addresses = messages.Select(m => m.From.ToString()).ToList();
        var conversations = await db.Conversations
            .Where(c => (c.Channel == Channel.Sms || c.Channel == Channel.Whatsapp) && addresses.Contains(c.ChannelConversationId)).ToListAsync(ct);
        var changes = new List<OptOutChange>(messages.Count);
        foreach (var sms in messages)
        {
            var address = sms.From.ToString();
            changes.Add(await StageAsync(transaction, sms, participants.GetValueOrDefault(sms.From.Phone),
                conversations.FirstOrDefault(c => c.Channel == sms.From.Channel && c.ChannelConversationId == address), withProcessor, ct));
        }

        await db.SaveChangesAsync(TurnRows, ct);
        await transaction.CommitAsync(ct);
        for (var i = 0; i < messages.Count; i++)
        {
            LogStored(messages[i].From.Channel, messages[i].MessageSid, PhoneNumber.Mask(messages[i].From.ToString()), changes[i]);
            metrics.InboundReceived(messages[i].From.Channel);
        }
    }

    /// <summary>
    /// Adds her message (and her row and conversation when they are new), applies STOP/START, answers HELP and runs the
    /// processor: everything but the final save, which the caller makes once for all it staged.
    /// </summary>
    async Task<OptOutChange> StageAsync(IDbContextTransaction transaction, InboundSms sms, Participant? participant, Conversation? conversation,
        bool withProcessor, CancellationToken ct)
    {
        var (from, now) = (sms.From, clock.GetUtcNow());
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

        if (conversation is null)
        {
            conversation = new Conversation { ParticipantId = participant.Id, Channel = from.Channel, ChannelConversationId = from.ToString(), StartedAt = now };
            db.Conversations.Add(conversation);
        }

        conversation.ParticipantId ??= participant.Id;
        var message = MessageLog.Inbound(db, conversation, participant, sms.Body, now, providerMessageId: sms.MessageSid);

        var change = keywords.Classify(sms.Body, sms.OptOutType);
        ApplyOptOut(participant, change, from.Channel, now);
        if (change == OptOutChange.None && keywords.IsHelp(sms.Body, sms.OptOutType))
        {
            help.Add(db, conversation, participant, now);
        }

        if (change == OptOutChange.OptedOut)
        {
            await db.SaveChangesAsync(ct);
            // What was waiting for her is never sent, not even after a later START.
            await db.Messages
                .Where(m => m.ParticipantId == participant.Id && m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Queued && m.ProviderMessageId == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.DeliveryStatus, DeliveryStatus.Failed)
                    .SetProperty(m => m.ErrorMessage, OutboxErrors.OptedOut)
                    .SetProperty(m => m.UpdatedAt, now), ct);
        }
        else if (withProcessor)
        {
            // Her message, and her row when she is new, are saved together with what the dialog writes: one save per turn.
            await processor.ProcessAsync(new InboundMessageContext(db, transaction, participant, conversation, message, change, clock), ct);
        }

        return change;
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
