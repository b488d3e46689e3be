using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// Twilio's Messages API without the SDK: <c>POST {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>,
/// form-encoded, with Basic auth (the account, or an API key whose URL still names the AC account).
/// </summary>
public sealed class TwilioMessagesClient(HttpClient http, TwilioAccount account, TimeProvider clock)
{
    public async Task<TwilioSendResult> SendAsync(TwilioMessageRequest message, CancellationToken ct)
    {
        var url = $"{account.ApiBaseUrl}/2010-04-01/Accounts/{Uri.EscapeDataString(account.AccountSid)}/Messages.json";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(Form(message)) };
        var (user, password) = account.ApiCredentials;
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

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
