namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>Our own <c>error_message</c> values for outbound messages the outbox refused to send.</summary>
public static class OutboxErrors
{
    public const string OptedOut = "opted_out";
    public const string PermanentDeliveryError = "permanent_delivery_error";
    public const string NoAddress = "no_address";
}
