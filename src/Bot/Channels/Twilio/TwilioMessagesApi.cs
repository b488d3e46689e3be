using System.Globalization;
using System.Reflection;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using TwilioNumber = Twilio.Types.PhoneNumber;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// Twilio's Messages API through Twilio's own SDK: create a message, and list the ones sent to a person (<c>To</c>,
/// <c>From</c>, <c>DateSent&gt;</c>) to find a send whose answer a crash lost. Every outcome, exceptions included, becomes
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
                // A 2xx we can't follow: the message may exist, but without its SID we can't follow it. Trying again
                // risks a duplicate, which is better than her never getting it.
                return new TwilioSendResult(TwilioSendOutcome.TryAgain, Error: new TwilioApiError(call.HttpStatus ?? 0, null, "Unreadable answer from Twilio: no sid"));
            }

            return new TwilioSendResult(TwilioSendOutcome.Accepted, created.Sid, created.Status?.ToString());
        }
        catch (TwilioException e) when (!ct.IsCancellationRequested)
        {
            var error = TwilioApiError.From(e, call);
            // No answer, an unreadable one, 429 or a 5xx: worth trying again. Any other refusal would only be repeated.
            var temporary = error.HttpStatus is 0 or 429 or >= 500 or (>= 200 and < 300);
            return new TwilioSendResult(temporary ? TwilioSendOutcome.TryAgain : TwilioSendOutcome.Rejected, Error: error, RetryAfter: call.RetryAfter);
        }
        catch (TwilioException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
    }

    /// <summary>
    /// The messages Twilio has to <paramref name="to"/> (from <paramref name="from"/>, when sending from a number) sent
    /// since <paramref name="sentSince"/>, newest first, following <c>next_page_uri</c> for up to <see cref="MaxListPages"/> pages.
    /// </summary>
    public async Task<TwilioListResult> ListSentAsync(string to, string? from, DateTimeOffset sentSince, CancellationToken ct)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // DateSent> is written with the culture's time separator
        using var call = TwilioCall.Begin(ct);
        var options = new ReadMessageOptions
        {
            To = new TwilioNumber(to),
            From = string.IsNullOrEmpty(from) ? null : new TwilioNumber(from),
            // The SDK writes the DateTime's own clock time with a "Z": it must be UTC.
            DateSentAfter = sentSince.UtcDateTime,
            PageSize = ListPageSize,
            Limit = MaxListPages * ListPageSize,
        };
        try
        {
            var found = new List<TwilioListedMessage>();
            // The first page comes async; the SDK fetches the next ones while this enumerates, synchronously.
            foreach (var m in await MessageResource.ReadAsync(options, _client))
            {
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
