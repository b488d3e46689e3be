using System.Globalization;
using System.Xml.Linq;
using Twilio.TwiML;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// The two URLs Twilio calls: <c>POST /api/twilio/sms</c> for every message a person sends (SMS or
/// WhatsApp) and <c>POST /api/twilio/status</c> for the progress of ours. Both refuse unsigned or
/// forged requests with 403 and store nothing; malformed ones get a 4xx.
/// </summary>
public static class TwilioWebhookEndpoints
{
    public const string SmsPath = "/api/twilio/sms";
    public const string StatusPath = "/api/twilio/status";

    /// <summary>Empty TwiML: "received, nothing to say now". Replies go through the outbox, not this response.</summary>
    static readonly string EmptyTwiml = new MessagingResponse().ToString(SaveOptions.DisableFormatting);

    public static void MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(SmsPath, ReceiveMessage).DisableAntiforgery();
        app.MapPost(StatusPath, ReceiveStatus).DisableAntiforgery();
    }

    static async Task<IResult> ReceiveMessage(HttpContext http, TwilioAccount account, InboundGroupCommit inbound, CancellationToken ct)
    {
        var (webhook, refusal) = await TwilioWebhook.ReadAsync(http, account, ct);
        if (webhook is null)
        {
            return refusal!;
        }

        if (webhook["MessageSid"] is not { Length: > 0 } messageSid || webhook["Body"] is not { } body || webhook["From"] is not { Length: > 0 } fromText)
        {
            return Results.BadRequest("MessageSid, From and Body are required.");
        }

        if (!TwilioAddress.TryParse(fromText, account.Options.DefaultRegion, out var from))
        {
            return Results.BadRequest("From is not a phone number.");
        }

        // Control characters go at the edge (a NUL can't be stored); what is left is what she wrote.
        // Not cancelled with the request: once queued it is stored, and a retry of it would be told by its MessageSid.
        await inbound.ReceiveAsync(new InboundSms(from, InboundText.Clean(messageSid), InboundText.Clean(body), webhook["OptOutType"] is { } optOut ? InboundText.Clean(optOut) : null));
        return Results.Text(EmptyTwiml, "text/xml", System.Text.Encoding.UTF8);
    }

    /// <summary>
    /// A status callback. An unknown MessageSid (a message sent by another system on the same account, or
    /// one already erased) is answered 200 too: there is nothing to do, and an error would only make
    /// Twilio log a failed callback.
    /// </summary>
    static async Task<IResult> ReceiveStatus(HttpContext http, TwilioAccount account, DeliveryStatusRecorder recorder, CancellationToken ct)
    {
        var (webhook, refusal) = await TwilioWebhook.ReadAsync(http, account, ct);
        if (webhook is null)
        {
            return refusal!;
        }

        var statusText = webhook["MessageStatus"] ?? webhook["SmsStatus"];
        if (webhook["MessageSid"] is not { Length: > 0 } messageSid || statusText is null)
        {
            return Results.BadRequest("MessageSid and MessageStatus are required.");
        }

        if (DeliveryStatusRecorder.FromTwilio(statusText) is { } status)
        {
            var errorCode = int.TryParse(webhook["ErrorCode"], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : (int?)null;
            await recorder.RecordAsync(InboundText.Clean(messageSid), status, errorCode, ct); // a NUL can't even be looked up
        }

        return Results.Text(EmptyTwiml, "text/xml", System.Text.Encoding.UTF8);
    }
}
