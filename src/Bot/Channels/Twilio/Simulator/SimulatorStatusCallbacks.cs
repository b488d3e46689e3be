namespace MentorBot.Bot.Channels.Twilio.Simulator;

/// <summary>
/// Plays the part of Twilio after it accepted a message: a moment later it is <c>sent</c> (and has a date sent,
/// which the message list filters on), then <c>delivered</c>; each step is reported to the message's
/// StatusCallback, when it has one, as signed form posts like Twilio's own.
/// Each step's time is fixed from the moment the message was created, not read when a thread gets to it: on a busy
/// machine the thread pool may run one message's step after a later one's, and Twilio's list, newest sent first,
/// must still show one person's messages in the order they were sent.
/// </summary>
public sealed partial class SimulatorStatusCallbacks(
    IHttpClientFactory httpClients,
    TwilioAccount account,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<SimulatorStatusCallbacks> logger)
{
    public const string HttpClientName = "twilio-simulator";

    /// <summary>Each status the simulator moves a message to, and when: this long after it accepted it.</summary>
    static readonly (string Status, TimeSpan After)[] Steps = [("sent", TimeSpan.FromMilliseconds(300)), ("delivered", TimeSpan.FromMilliseconds(600))];

    public void Start(SimulatedMessage message) => _ = Task.Run(() => ReportAsync(message, message.StatusCallback, lifetime.ApplicationStopping));

    async Task ReportAsync(SimulatedMessage message, string? callbackUrl, CancellationToken ct)
    {
        try
        {
            foreach (var (status, after) in Steps)
            {
                var at = message.DateCreated + after;
                var wait = at - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, ct);
                }

                message.DateSent ??= at;
                message.DateUpdated = at;
                message.Status = status;
                if (callbackUrl is null)
                {
                    continue;
                }

                List<KeyValuePair<string, string>> form =
                [
                    new("AccountSid", message.AccountSid), new("ApiVersion", "2010-04-01"), new("From", message.From ?? ""),
                    new("To", message.To), new("MessageSid", message.Sid), new("SmsSid", message.Sid),
                    new("MessageStatus", status), new("SmsStatus", status),
                ];
                using var request = new HttpRequestMessage(HttpMethod.Post, callbackUrl) { Content = new FormUrlEncodedContent(form) };
                request.Headers.Add(SimulatorWebhookSigner.Header, SimulatorWebhookSigner.Sign(account.AuthToken, callbackUrl, form));
                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
                if (!response.IsSuccessStatusCode)
                {
                    LogRefused(message.Sid, status, (int)response.StatusCode);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(message.Sid, e.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Simulator: status callback {Status} for {Sid} answered {HttpStatus}")]
    partial void LogRefused(string sid, string status, int httpStatus);

    [LoggerMessage(LogLevel.Warning, "Simulator: status callback for {Sid} could not be delivered: {Reason}")]
    partial void LogUnreachable(string sid, string reason);
}
