using System.Globalization;
using System.Reflection;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using TwilioNumber = Twilio.Types.PhoneNumber;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// Twilio's Messages API through Twilio's own SDK: create a message, and list the ones to a person (<c>To</c>,
/// <c>From</c>, newest first) to find a send whose answer a crash or a cut connection lost. Every outcome, exceptions included, becomes
/// a <see cref="TwilioSendResult"/> or <see cref="TwilioListResult"/>: the outbox decides what to do with it.
/// </summary>
public sealed class TwilioMessagesApi
{
    /// <summary>Pages read at most when looking for a send: 20 × 100 messages to one person in the window is far beyond a dialog.</summary>
    public const int MaxListPages = 20;

    const int ListPageSize = 100;

    readonly TwilioRestClient _client;
    readonly TwilioAccount _account;

    /// <param name="http">From IHttpClientFactory, with <see cref="TwilioApiHandler"/> in its pipeline.</param>
    public TwilioMessagesApi(HttpClient http, TwilioAccount account)
    {
        _account = account;
        var (user, password) = account.ApiCredentials;
        _client = new TwilioRestClient(user, password, accountSid: account.AccountSid, httpClient: new global::Twilio.Http.SystemNetHttpClient(http));
    }

    public async Task<TwilioSendResult> SendAsync(TwilioMessageRequest message, CancellationToken ct)
    {
        // The SDK writes numbers and dates with the current culture's separators (da-DK writes times 01.02.03).
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        using var call = TwilioCall.Begin(ct);
        try
        {
            var created = await MessageResource.CreateAsync(Options(message), _client);
            if (string.IsNullOrEmpty(created.Sid))
            {
                // A 2xx we can't follow: the message may exist, but without its SID only Twilio's list can tell.
                return new TwilioSendResult(TwilioSendOutcome.Unclear, Error: new TwilioApiError(call.HttpStatus ?? 0, null, "Unreadable answer from Twilio: no sid"));
            }

            return new TwilioSendResult(TwilioSendOutcome.Accepted, created.Sid, created.Status?.ToString());
        }
        catch (TwilioException e) when (!ct.IsCancellationRequested)
        {
            var error = TwilioApiError.From(e, call);
            return new TwilioSendResult(Classify(e, error), Error: error, RetryAfter: call.RetryAfter);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            // The SDK reads the answer's body outside its own try: a connection cut in the middle of the answer lands here.
            return new TwilioSendResult(TwilioSendOutcome.Unclear, Error: new TwilioApiError(call.HttpStatus ?? 0, null, $"No complete answer from Twilio: {e.Message}"));
        }
        catch (TwilioException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
    }

    /// <summary>
    /// Whether Twilio may have created the message. Its own error (a code in its JSON, any status) means it did not; no
    /// connection made means the request never left; 429 is a refusal to take it. A 5xx from a proxy, a timeout or a
    /// connection reset after the request was written leave it open.
    /// </summary>
    static TwilioSendOutcome Classify(TwilioException exception, TwilioApiError error) => error switch
    {
        { HttpStatus: 0 } when NeverConnected(exception) => TwilioSendOutcome.TryAgain,
        { HttpStatus: 0 } or { HttpStatus: >= 200 and < 300 } => TwilioSendOutcome.Unclear,
        { HttpStatus: 429 } => TwilioSendOutcome.TryAgain,
        { HttpStatus: >= 500, Code: null } => TwilioSendOutcome.Unclear,
        { HttpStatus: >= 500 } => TwilioSendOutcome.TryAgain,
        _ => TwilioSendOutcome.Rejected,
    };

    /// <summary>The connection was never made (refused, no route, no such host): Twilio cannot have the message.</summary>
    static bool NeverConnected(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The messages Twilio has to <paramref name="to"/> (from <paramref name="from"/>, when sending from a number) that may
    /// have been created since <paramref name="since"/>, following <c>next_page_uri</c> for up to <see cref="MaxListPages"/> pages.
    /// No <c>DateSent&gt;</c> filter: a message Twilio still has queued has no date sent, and that filter would hide it.
    /// The list comes newest first by date sent, unsent ones at the top, so reading stops at the first message sent
    /// before <paramref name="since"/>: everything after it is older.
    /// </summary>
    public async Task<TwilioListResult> ListSentAsync(string to, string? from, DateTimeOffset since, CancellationToken ct)
    {
        using var call = TwilioCall.Begin(ct);
        var options = new ReadMessageOptions
        {
            To = new TwilioNumber(to),
            From = string.IsNullOrEmpty(from) ? null : new TwilioNumber(from),
            PageSize = ListPageSize,
            Limit = MaxListPages * ListPageSize,
        };
        try
        {
            var found = new List<TwilioListedMessage>();
            // The first page comes async; the SDK fetches the next ones while this enumerates, synchronously.
            foreach (var m in await MessageResource.ReadAsync(options, _client))
            {
                if (Utc(m.DateSent) is { } sent && sent < since)
                {
                    break;
                }

                found.Add(new TwilioListedMessage(
                    m.Sid, m.To, m.From?.ToString(), m.Body, m.Direction?.ToString(), m.Status?.ToString(), Utc(m.DateCreated)));
            }

            return new TwilioListResult(found);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (ct.IsCancellationRequested)
            {
                throw new OperationCanceledException(ct);
            }

            // A page that is not Twilio's list JSON fails in the SDK's parser, not as a TwilioException.
            return new TwilioListResult(null, Unwrapped(e) is TwilioException twilio
                ? TwilioApiError.From(twilio, call)
                : new TwilioApiError(call.HttpStatus ?? 0, null, $"Unreadable message list from Twilio: {Unwrapped(e).Message}"));
        }
    }

    /// <summary>A next page's failure comes wrapped: the SDK calls its page fetcher by reflection.</summary>
    static Exception Unwrapped(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? inner : e;

    /// <summary>The SDK gives Twilio's RFC 2822 dates as local DateTimes.</summary>
    static DateTimeOffset? Utc(DateTime? date) => date is { } d ? new DateTimeOffset(d.ToUniversalTime(), TimeSpan.Zero) : null;

    CreateMessageOptions Options(TwilioMessageRequest message)
    {
        var options = new CreateMessageOptions(new TwilioNumber(message.To))
        {
            From = string.IsNullOrEmpty(message.From) ? null : new TwilioNumber(message.From),
            MessagingServiceSid = string.IsNullOrEmpty(message.MessagingServiceSid) ? null : message.MessagingServiceSid,
            StatusCallback = _account.StatusCallbackUrl is { } callback ? new Uri(callback) : null,
        };
        if (message.ContentSid is not null)
        {
            options.ContentSid = message.ContentSid;
            options.ContentVariables = message.ContentVariables ?? "{}";
        }
        else
        {
            options.Body = message.Body ?? "";
        }

        return options;
    }
}
