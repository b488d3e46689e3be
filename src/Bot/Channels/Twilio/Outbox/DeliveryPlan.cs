namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>What to POST to Twilio for one outbound message, and which way it goes.</summary>
public sealed record DeliveryPlan(TwilioMessageRequest Request, Data.Model.DeliveryRoute Route)
{
    /// <summary>The sender's throughput it uses: SMS segments, or one per WhatsApp message.</summary>
    public int Segments => Route == Data.Model.DeliveryRoute.Sms ? SmsSegments.Count(Request.Body) : 1;
}
