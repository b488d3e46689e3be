using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// Twilio's Messages API without the SDK: <c>POST {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>,
/// form-encoded, with Basic auth (the account, or an API key whose URL still names the AC account); and its list,
/// <c>GET …/Messages.json?To=…&amp;From=…&amp;DateSent&gt;=…</c>, to find a send whose answer a crash lost.
/// </summary>
public sealed class TwilioMessagesClient(HttpClient http, TwilioAccount account, TimeProvider clock)
{
    /// <summary>Pages read at most when looking for a send: 20 × 100 messages to one person in the window is far beyond a dialog.</summary>
    public const int MaxListPages = 20;

    const int ListPageSize = 100;

    string MessagesPath => $"/2010-04-01/Accounts/{Uri.EscapeDataString(account.AccountSid)}/Messages.json";

    public async Task<TwilioSendResult> SendAsync(TwilioMessageRequest message, CancellationToken ct)
    {
        using var request = Authorized(HttpMethod.Post, account.ApiBaseUrl + MessagesPath);
        request.Content = new FormUrlEncodedContent(Form(message));

        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(body);
                var sid = json.RootElement.GetProperty("sid").GetString();
                var status = json.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
                return new TwilioSendResult(TwilioSendOutcome.Accepted, sid, status);
            }

            var error = TwilioApiError.Parse((int)response.StatusCode, body);
            var temporary = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            return new TwilioSendResult(temporary ? TwilioSendOutcome.TryAgain : TwilioSendOutcome.Rejected, Error: error, RetryAfter: RetryAfter(response));
        }
        catch (HttpRequestException e)
        {
            return new TwilioSendResult(TwilioSendOutcome.TryAgain, Error: new TwilioApiError(0, null, $"No answer from Twilio: {e.Message}"));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new TwilioSendResult(TwilioSendOutcome.TryAgain, Error: new TwilioApiError(0, null, "Twilio did not answer in time"));
        }
        catch (JsonException e)
        {
            // A 2xx we can't read: the message may exist, but without its SID we can't follow it. Trying again risks a
            // duplicate, which is better than her never getting it.
            return new TwilioSendResult(TwilioSendOutcome.TryAgain, Error: new TwilioApiError(0, null, $"Unreadable answer from Twilio: {e.Message}"));
        }
    }

    /// <summary>
    /// The messages Twilio has to <paramref name="to"/> (from <paramref name="from"/>, when sending from a number) sent
    /// since <paramref name="sentSince"/>, newest first, following <c>next_page_uri</c> for up to <see cref="MaxListPages"/> pages.
    /// </summary>
    public async Task<TwilioListResult> ListSentAsync(string to, string? from, DateTimeOffset sentSince, CancellationToken ct)
    {
        var query = new List<string> { "To=" + Uri.EscapeDataString(to) };
        if (!string.IsNullOrEmpty(from))
        {
            query.Add("From=" + Uri.EscapeDataString(from));
        }

        // The key is "DateSent>" (Twilio's docs write it DateSent>=…); the value an ISO 8601 time in UTC, as Twilio's SDKs send it.
        query.Add("DateSent%3E=" + Uri.EscapeDataString(sentSince.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        query.Add("PageSize=" + ListPageSize);
        var url = account.ApiBaseUrl + MessagesPath + "?" + string.Join('&', query);

        var found = new List<TwilioListedMessage>();
        try
        {
            for (var page = 0; page < MaxListPages && url is not null; page++)
            {
                using var request = Authorized(HttpMethod.Get, url);
                using var response = await http.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    return new TwilioListResult(null, TwilioApiError.Parse((int)response.StatusCode, body));
                }

                using var json = JsonDocument.Parse(body);
                foreach (var item in json.RootElement.GetProperty("messages").EnumerateArray())
                {
                    found.Add(new TwilioListedMessage(
                        item.GetProperty("sid").GetString()!, Text(item, "to"), Text(item, "from"), Text(item, "body"),
                        Text(item, "direction"), Text(item, "status"), Rfc2822Date.Parse(Text(item, "date_created"))));
                }

                // next_page_uri is a path from the API's root (/2010-04-01/…), or null on the last page.
                url = Text(json.RootElement, "next_page_uri") is { Length: > 0 } next ? account.ApiBaseUrl + next : null;
            }
        }
        catch (HttpRequestException e)
        {
            return new TwilioListResult(null, new TwilioApiError(0, null, $"No answer from Twilio: {e.Message}"));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new TwilioListResult(null, new TwilioApiError(0, null, "Twilio did not answer in time"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new TwilioListResult(null, new TwilioApiError(0, null, $"Unreadable message list from Twilio: {e.Message}"));
        }

        return new TwilioListResult(found);
    }

    static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    HttpRequestMessage Authorized(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        var (user, password) = account.ApiCredentials;
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return request;
    }

    List<KeyValuePair<string, string>> Form(TwilioMessageRequest message)
    {
        var form = new List<KeyValuePair<string, string>> { new("To", message.To) };
        if (!string.IsNullOrEmpty(message.From))
        {
            form.Add(new("From", message.From));
        }

        if (!string.IsNullOrEmpty(message.MessagingServiceSid))
        {
            form.Add(new("MessagingServiceSid", message.MessagingServiceSid));
        }

        if (message.ContentSid is not null)
        {
            form.Add(new("ContentSid", message.ContentSid));
            form.Add(new("ContentVariables", message.ContentVariables ?? "{}"));
        }
        else
        {
            form.Add(new("Body", message.Body ?? ""));
        }

        if (account.StatusCallbackUrl is { } statusCallback)
        {
            form.Add(new("StatusCallback", statusCallback));
        }

        return form;
    }

    TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };
}
