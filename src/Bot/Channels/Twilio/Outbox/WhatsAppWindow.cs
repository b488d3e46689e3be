namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// WhatsApp's customer-service window: free text only within 24 hours of the person's last message to
/// us; after that only an approved template (error 63016 otherwise).
/// </summary>
public static class WhatsAppWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    public static bool IsOpen(DateTimeOffset? lastInboundAt, DateTimeOffset now) =>
        lastInboundAt is { } last && now - last < Length;
}
