namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>Our own <c>error_message</c> values for outbound messages the outbox refused to send.</summary>
public static class OutboxErrors
{
    public const string OptedOut = "opted_out";
    public const string PermanentDeliveryError = "permanent_delivery_error";
    public const string NoAddress = "no_address";

    /// <summary>The body is over <see cref="OutboundBody.MaxLength"/>: Twilio would refuse it, so it is never paced or POSTed.</summary>
    public const string BodyTooLong = "body_too_long";
}
