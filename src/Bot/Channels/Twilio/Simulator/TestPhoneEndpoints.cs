using MentorBot.Bot.Hosting;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Channels.Twilio.Simulator;

/// <summary>
/// The test phone at <c>/simulator/phone</c>: type a number and a message, and it reaches MentorBot as a
/// signed Twilio webhook to <c>/api/twilio/sms</c>, through the real code path; replies captured by the
/// simulator's Messages API show up below it.
/// </summary>
public static class TestPhoneEndpoints
{
    public const string PagePath = "/simulator/phone";

    public sealed record Typed(string From, string Body);

    public static void MapTestPhone(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePath, Page);
        app.MapPost(PagePath + "/messages", SendAsync).DisableAntiforgery();
        app.MapGet(PagePath + "/messages", Conversation);
    }

    static IResult Page()
    {
        using var stream = typeof(TestPhoneEndpoints).Assembly.GetManifestResourceStream("MentorBot.Bot.TestPhone.html")!;
        using var reader = new StreamReader(stream);
        return Results.Content(reader.ReadToEnd(), "text/html; charset=utf-8");
    }

    /// <summary>
    /// Sends what was typed to MentorBot exactly as Twilio would, and answers with the webhook's HTTP status. The number
    /// must be a valid one (libphonenumber): Twilio has no messages from numbers that don't exist.
    /// </summary>
    static async Task<IResult> SendAsync(
        Typed typed, TwilioAccount account, TwilioSimulator simulator, LocalServerAddress local, IHttpClientFactory httpClients, CancellationToken ct)
    {
        if (!TwilioAddress.TryParseTyped(typed.From, account.Options.DefaultRegion, out var from))
        {
            return Results.BadRequest(new
            {
                error = $"Not a valid phone number: write a number of {account.Options.DefaultRegion} (20 12 34 56) or one with its country code (+46 70 123 45 67), optionally after whatsapp:.",
            });
        }

        if (string.IsNullOrEmpty(typed.Body))
        {
            return Results.BadRequest(new { error = "Write a message." });
        }

        var ours = string.IsNullOrEmpty(account.FromNumber) ? TwilioAccount.SimulatorFromNumber : account.FromNumber;
        var to = from.Channel == Channel.Whatsapp ? TwilioAddress.WhatsAppPrefix + ours : ours;
        var sid = TwilioSimulator.NewSid("SM");
        List<KeyValuePair<string, string>> form =
        [
            new("ToCountry", "DK"), new("SmsMessageSid", sid), new("NumMedia", "0"), new("SmsSid", sid), new("SmsStatus", "received"),
            new("Body", typed.Body), new("To", to), new("NumSegments", "1"), new("MessageSid", sid), new("AccountSid", account.AccountSid),
            new("From", from.ToString()), new("ApiVersion", "2010-04-01"),
        ];
        if (from.Channel == Channel.Whatsapp)
        {
            form.Add(new("WaId", from.Phone.TrimStart('+')));
        }

        var now = simulator.Now;
        simulator.Add(new SimulatedMessage
        {
            Sid = sid, AccountSid = account.AccountSid, Direction = "inbound", To = to, From = from.ToString(), Body = typed.Body,
            DateCreated = now, DateUpdated = now, DateSent = now, Status = "received",
        });

        // Signed over the URL Twilio would call (the public one, when configured), delivered to this process.
        var signedUrl = (account.ConfiguredPublicBaseUrl ?? local.Get()) + TwilioWebhookEndpoints.SmsPath;
        using var request = new HttpRequestMessage(HttpMethod.Post, local.Get() + TwilioWebhookEndpoints.SmsPath) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(SimulatorWebhookSigner.Header, SimulatorWebhookSigner.Sign(account.AuthToken, signedUrl, form));
        using var response = await httpClients.CreateClient(SimulatorStatusCallbacks.HttpClientName).SendAsync(request, ct);
        return Results.Json(new { messageSid = sid, webhookStatus = (int)response.StatusCode });
    }

    static IResult Conversation(string number, TwilioAccount account, TwilioSimulator simulator)
    {
        if (!TwilioAddress.TryParse(number, account.Options.DefaultRegion, out var address))
        {
            return Results.BadRequest(new { error = "Not a phone number." });
        }

        return Results.Json(simulator.Conversation(address.Phone).Select(m => new
        {
            sid = m.Sid,
            direction = m.Direction == "inbound" ? "to_mentorbot" : "from_mentorbot",
            channel = m.To.StartsWith(TwilioAddress.WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? "whatsapp" : "sms",
            body = m.Body ?? $"[template {m.ContentSid}] {m.ContentVariables}",
            status = m.Status,
            at = m.DateCreated,
        }));
    }
}
