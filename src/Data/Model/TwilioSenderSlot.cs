namespace MentorBot.Data.Model;

/// <summary>
/// A Twilio sender's shared clock: when its next segment may go out. Nodes reserve slots with one atomic
/// UPDATE, so a long code's rate (about one segment a second) holds for the whole cluster.
/// </summary>
public sealed class TwilioSenderSlot
{
    /// <summary>The From number (<c>whatsapp:</c>-prefixed for WhatsApp) or the Messaging Service SID.</summary>
    public required string Sender { get; init; }

    public DateTimeOffset NextSlotAt { get; set; }
}
