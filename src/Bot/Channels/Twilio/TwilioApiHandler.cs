namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// Sits between Twilio's SDK and the network. The SDK always calls https://api.twilio.com (its Region and Edge only
/// change that host); this sends its requests to <see cref="TwilioAccount.ApiBaseUrl"/> instead, the real API or the
/// built-in simulator or a test's fake, next pages of a list included. And it gives the SDK's request the caller's
/// cancellation and notes in the <see cref="TwilioCall"/> what the SDK's answer leaves out.
/// </summary>
public sealed class TwilioApiHandler(TwilioAccount account, TimeProvider clock) : DelegatingHandler
{
    /// <summary>Enough of an error body to describe it: the SDK reads the whole body anyway, the call keeps only its start.</summary>
    const int ErrorBodyChars = 4096;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new Uri(account.ApiBaseUrl + request.RequestUri!.PathAndQuery);
        var call = TwilioCall.Current;
        using var linked = call is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.CancellationToken);
        var response = await base.SendAsync(request, linked?.Token ?? cancellationToken);
        if (call is null)
        {
            return response;
        }

        call.HttpStatus = (int)response.StatusCode;
        call.RetryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - clock.GetUtcNow(),
            _ => null,
        };
        if (!response.IsSuccessStatusCode)
        {
            // Read into the content's buffer, so the SDK still reads the whole body after us.
            var body = await response.Content.ReadAsStringAsync(linked?.Token ?? cancellationToken);
            call.ErrorBody = body.Length > ErrorBodyChars ? body[..ErrorBodyChars] : body;
        }

        return response;
    }
}
