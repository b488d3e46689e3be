using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace MentorBot.Bot.Channels.Twilio.Simulator;

/// <summary>
/// A local stand-in for Twilio's Messages API, at <c>/simulator/twilio/2010-04-01/Accounts/{sid}/Messages.json</c>:
/// Basic auth, the same required fields and error codes, and Twilio-shaped JSON, so MentorBot's own
/// <see cref="TwilioMessagesApi"/> (Twilio's C# SDK) and Twilio's npm client talk to it as to the real thing. Nothing leaves the machine.
/// </summary>
public static class SimulatorApiEndpoints
{
    public const string BasePath = "/simulator/twilio";

    const int MaxBodyLength = 1600;

    /// <summary>libphonenumber's "unknown region": a number must then carry its country code.</summary>
    const string NoDefaultRegion = "ZZ";

    public static void MapSimulatorApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup(BasePath + "/2010-04-01/Accounts/{accountSid}").DisableAntiforgery();
        account.MapPost("/Messages.json", CreateMessage);
        account.MapGet("/Messages.json", ListMessages);
        account.MapGet("/Messages/{messageSid}.json", FetchMessage);
    }

    static async Task<IResult> CreateMessage(
        string accountSid, HttpContext http, TwilioAccount account, TwilioSimulator simulator, SimulatorStatusCallbacks callbacks, CancellationToken ct)
    {
        if (!IsAuthorized(http.Request, account, accountSid))
        {
            return Error(401, 20003, "Authenticate");
        }

        if (!http.Request.HasFormContentType)
        {
            return Error(400, 20001, "Expected a form-encoded body.");
        }

        var form = await http.Request.ReadFormAsync(ct);
        string? Field(string name) => form.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()) ? value.ToString() : null;
        var to = Field("To");
        var from = Field("From");
        var service = Field("MessagingServiceSid");
        var body = Field("Body");
        var contentSid = Field("ContentSid");
        if (to is null)
        {
            return Error(400, 21604, "A 'To' phone number is required.");
        }

        if (from is null && service is null)
        {
            return Error(400, 21603, "A 'From' phone number is required.");
        }

        if (body is null && contentSid is null && Field("MediaUrl") is null)
        {
            return Error(400, 21602, "Message body is required.");
        }

        if (body is { Length: > MaxBodyLength })
        {
            return Error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }

        // Twilio wants E.164 here: no national numbers, no default country.
        var number = to.StartsWith(TwilioAddress.WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? to[TwilioAddress.WhatsAppPrefix.Length..] : to;
        if (!PhoneNumber.TryRead(number, NoDefaultRegion, out var e164) || e164 != number)
        {
            return Error(400, TwilioErrorCodes.InvalidToNumber, $"The 'To' number {to} is not a valid phone number.");
        }

        var now = simulator.Now;
        var message = new SimulatedMessage
        {
            Sid = TwilioSimulator.NewSid("SM"), AccountSid = account.AccountSid, Direction = "outbound-api", To = to, From = from,
            MessagingServiceSid = service, Body = body, ContentSid = contentSid, ContentVariables = Field("ContentVariables"),
            StatusCallback = Field("StatusCallback"), DateCreated = now, DateUpdated = now,
        };
        message.Status = service is not null ? "accepted" : "queued";
        simulator.Add(message);
        callbacks.Start(message);
        return Results.Json(Resource(message), statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// Twilio's message list, newest first: filtered by <c>To</c>, <c>From</c> and the date sent (<c>DateSent</c>,
    /// <c>DateSent&gt;</c>, <c>DateSent&lt;</c>; a day or a time in UTC), paged by <c>PageSize</c> (50, at most 1000)
    /// with a <c>next_page_uri</c> to follow, as Twilio pages. A message not yet sent has no date sent: a
    /// date filter leaves it out.
    /// </summary>
    static IResult ListMessages(string accountSid, HttpContext http, TwilioAccount account, TwilioSimulator simulator)
    {
        if (!IsAuthorized(http.Request, account, accountSid))
        {
            return Error(401, 20003, "Authenticate");
        }

        var query = SimulatorMessageQuery.TryParse(http.Request.Query, out var error);
        if (query is null)
        {
            return Error(400, 20001, error!);
        }

        var matching = simulator.All()
            .Where(m => m.AccountSid == accountSid && query.Matches(m.To, m.From, m.DateSent))
            // As Twilio lists them: newest sent first, the ones not sent yet on top.
            .OrderBy(m => m.DateSent is null ? 0 : 1).ThenByDescending(m => m.DateSent).ThenByDescending(m => m.DateCreated)
            .ToList();
        var page = matching.Skip(query.Page * query.PageSize).Take(query.PageSize).ToList();
        var path = $"/2010-04-01/Accounts/{accountSid}/Messages.json";
        var hasNext = (query.Page + 1) * query.PageSize < matching.Count;
        return Results.Json(new Dictionary<string, object?>
        {
            ["messages"] = page.Select(Resource).ToList(),
            ["uri"] = path + query.ToQueryString(query.Page), ["first_page_uri"] = path + query.ToQueryString(0),
            ["next_page_uri"] = hasNext ? path + query.ToQueryString(query.Page + 1) : null,
            ["previous_page_uri"] = query.Page > 0 ? path + query.ToQueryString(query.Page - 1) : null,
            ["page"] = query.Page, ["page_size"] = query.PageSize, ["start"] = query.Page * query.PageSize,
            ["end"] = query.Page * query.PageSize + Math.Max(page.Count - 1, 0),
        });
    }

    static IResult FetchMessage(string accountSid, string messageSid, HttpContext http, TwilioAccount account, TwilioSimulator simulator)
    {
        if (!IsAuthorized(http.Request, account, accountSid))
        {
            return Error(401, 20003, "Authenticate");
        }

        return simulator.Find(messageSid) is { } message && message.AccountSid == accountSid
            ? Results.Json(Resource(message))
            : Error(404, 20404, $"The requested resource /2010-04-01/Accounts/{accountSid}/Messages/{messageSid}.json was not found");
    }

    static bool IsAuthorized(HttpRequest request, TwilioAccount account, string accountSid)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) || header.Scheme != "Basic" || header.Parameter is null)
        {
            return false;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{account.AccountSid}:{account.AuthToken}");
        return accountSid == account.AccountSid && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credentials), expected);
    }

    /// <summary>Twilio's legacy error JSON, the form its Messages API answers with.</summary>
    static IResult Error(int status, int code, string message) => Results.Json(
        new Dictionary<string, object> { ["code"] = code, ["message"] = message, ["more_info"] = $"https://www.twilio.com/docs/errors/{code}", ["status"] = status },
        statusCode: status);

    /// <summary>The message resource with Twilio's field names; dates are RFC 2822 in GMT, as Twilio writes them.</summary>
    static Dictionary<string, object?> Resource(SimulatedMessage m)
    {
        var uri = $"/2010-04-01/Accounts/{m.AccountSid}/Messages/{m.Sid}.json";
        return new()
        {
            ["sid"] = m.Sid, ["account_sid"] = m.AccountSid, ["messaging_service_sid"] = m.MessagingServiceSid,
            ["from"] = m.From, ["to"] = m.To, ["body"] = m.Body ?? "", ["status"] = m.Status, ["direction"] = m.Direction,
            ["num_segments"] = "1", ["num_media"] = "0", ["price"] = null, ["price_unit"] = "USD",
            ["error_code"] = null, ["error_message"] = null, ["api_version"] = "2010-04-01",
            ["date_created"] = Rfc2822Date.Format(m.DateCreated), ["date_updated"] = Rfc2822Date.Format(m.DateUpdated),
            ["date_sent"] = m.DateSent is { } sent ? Rfc2822Date.Format(sent) : null,
            ["uri"] = uri, ["subresource_uris"] = new Dictionary<string, string> { ["media"] = uri.Replace(".json", "/Media.json") },
        };
    }
}
