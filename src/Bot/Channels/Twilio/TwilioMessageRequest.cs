namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// One message to create. <see cref="Body"/> for free text; or, for WhatsApp outside the 24-hour window,
/// <see cref="ContentSid"/> with <see cref="ContentVariables"/> (a JSON string) and no body.
/// </summary>
public sealed record TwilioMessageRequest(string To, string? From, string? MessagingServiceSid, string? Body, string? ContentSid = null, string? ContentVariables = null)
{
    /// <summary>The sender whose throughput this message uses.</summary>
    public string Sender => From ?? MessagingServiceSid ?? "";
}
