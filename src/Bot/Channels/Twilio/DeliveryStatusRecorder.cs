using MentorBot.Data.Model;
using MentorBot.Data.Naming;
using Npgsql;

namespace MentorBot.Bot.Channels.Twilio;

public enum StatusCallbackOutcome { Recorded, Outdated, UnknownMessage }

/// <summary>
/// Records what a Twilio status callback says about one of our outbound messages. Callbacks arrive out of
/// order, so a state only ever moves forward: queued → sending → sent → delivered | undelivered | failed → read.
/// </summary>
public sealed partial class DeliveryStatusRecorder(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<DeliveryStatusRecorder> logger)
{
    // A callback can overtake the commit that stores the message's SID (Twilio answers the create call and
    // starts sending at once): an unknown SID is looked for again a few times before it is dropped.
    static readonly TimeSpan LookAgainAfter = TimeSpan.FromMilliseconds(250);
    const int Looks = 12;

    /// <summary>The order of our delivery states; the three final outcomes share a rank so none replaces another.</summary>
    public static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Received or DeliveryStatus.Queued => 0,
        DeliveryStatus.Sending => 1,
        DeliveryStatus.Sent => 2,
        DeliveryStatus.Delivered or DeliveryStatus.Undelivered or DeliveryStatus.Failed => 3,
        DeliveryStatus.Read => 4,
        _ => 0,
    };

    /// <summary>Twilio's <c>MessageStatus</c> as our state; null for states we don't track (accepted, scheduled, canceled…).</summary>
    public static DeliveryStatus? FromTwilio(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "queued" => DeliveryStatus.Queued,
        "sending" => DeliveryStatus.Sending,
        "sent" => DeliveryStatus.Sent,
        "delivered" => DeliveryStatus.Delivered,
        "undelivered" => DeliveryStatus.Undelivered,
        "failed" => DeliveryStatus.Failed,
        "read" => DeliveryStatus.Read,
        _ => null,
    };

    public async Task<StatusCallbackOutcome> RecordAsync(string messageSid, DeliveryStatus status, int? errorCode, CancellationToken ct)
    {
        for (var look = 1; ; look++)
        {
            var now = clock.GetUtcNow();
            await using var update = dataSource.CreateCommand("""
                UPDATE messages SET
                    delivery_status = @status,
                    error_code = COALESCE(@error_code, error_code),
                    sent_at = CASE WHEN @rank >= 2 THEN COALESCE(sent_at, @now) ELSE sent_at END,
                    delivered_at = CASE WHEN @status IN ('delivered', 'read') THEN COALESCE(delivered_at, @now) ELSE delivered_at END,
                    updated_at = @now
                WHERE direction = 'outbound' AND channel IN ('sms', 'whatsapp') AND provider_message_id = @sid
                  AND (CASE delivery_status WHEN 'sending' THEN 1 WHEN 'sent' THEN 2 WHEN 'read' THEN 4
                       WHEN 'delivered' THEN 3 WHEN 'undelivered' THEN 3 WHEN 'failed' THEN 3 ELSE 0 END) < @rank
                RETURNING participant_id
                """);
            update.Parameters.AddWithValue("status", SnakeCaseEnumConverter<DeliveryStatus>.NameOf(status));
            update.Parameters.AddWithValue("rank", Rank(status));
            update.Parameters.AddWithValue("error_code", (object?)errorCode?.ToString() ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("sid", messageSid);
            var participant = await update.ExecuteScalarAsync(ct);
            if (participant is not null)
            {
                if (participant is Guid id && errorCode is { } code && TwilioErrorCodes.IsPermanentForRecipient(code))
                {
                    await RecordOnParticipantAsync(id, code, now, ct);
                }

                LogRecorded(messageSid, status, errorCode);
                return StatusCallbackOutcome.Recorded;
            }

            await using var exists = dataSource.CreateCommand(
                "SELECT 1 FROM messages WHERE direction = 'outbound' AND channel IN ('sms', 'whatsapp') AND provider_message_id = @sid");
            exists.Parameters.AddWithValue("sid", messageSid);
            if (await exists.ExecuteScalarAsync(ct) is not null)
            {
                return StatusCallbackOutcome.Outdated;
            }

            if (look == Looks)
            {
                LogUnknown(messageSid, status);
                return StatusCallbackOutcome.UnknownMessage;
            }

            await Task.Delay(LookAgainAfter, clock, ct);
        }
    }

    async Task RecordOnParticipantAsync(Guid participantId, int code, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE participants SET
                permanent_delivery_error = @code,
                opted_out_at = CASE WHEN @code = 21610 THEN COALESCE(opted_out_at, @now) ELSE opted_out_at END,
                updated_at = @now
            WHERE id = @id
            """);
        command.Parameters.AddWithValue("code", code);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("id", participantId);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(LogLevel.Debug, "Status of {MessageSid}: {Status} (error {ErrorCode})")]
    partial void LogRecorded(string messageSid, DeliveryStatus status, int? errorCode);

    [LoggerMessage(LogLevel.Information, "Status callback for unknown message {MessageSid} ({Status}): nothing to record")]
    partial void LogUnknown(string messageSid, DeliveryStatus status);
}
