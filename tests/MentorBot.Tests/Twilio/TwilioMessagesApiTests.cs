using MentorBot.Bot.Channels.Twilio;
using MentorBot.Bot.Hosting;
using MentorBot.Tests.Infrastructure;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>
/// Twilio's SDK as MentorBot uses it, against a scripted fake of the Messages API: each way a send can fail becomes the
/// outbox's outcome (retry or not), with Twilio's code and words, whatever form Twilio's answer took.
/// </summary>
public sealed class TwilioMessagesApiTests
{
    static TwilioMessagesApi Api(FakeTwilioApi fake, TimeSpan? timeout = null)
    {
        var options = new TwilioOptions { AccountSid = AccountSid, AuthToken = AuthToken, FromNumber = FromNumber, ApiBaseUrl = fake.BaseUrl };
        var account = new TwilioAccount(options, new LocalServerAddress(null!)); // a real account: the local address is never asked for
        var http = new HttpClient(new TwilioApiHandler(account, TimeProvider.System) { InnerHandler = new SocketsHttpHandler() })
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        return new TwilioMessagesApi(http, account);
    }

    static readonly TwilioMessageRequest Hej = new("+4520123456", FromNumber, null, "Hej");

    [Theory]
    [InlineData(400, """{"code":21211,"message":"The 'To' number +4500 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}""",
        TwilioSendOutcome.Rejected, 21211, "The 'To' number +4500 is not a valid phone number.", "Twilio's legacy error JSON")]
    [InlineData(400, """{"type":"https://www.twilio.com/docs/api/errors/21610","title":"Attempt to send to unsubscribed recipient","status":400,"code":21610,"detail":"The recipient replied STOP.","instance":"/Messages"}""",
        TwilioSendOutcome.Rejected, 21610, "The recipient replied STOP.", "RFC 9457 problem JSON: the detail is the most specific text")]
    [InlineData(429, """{"type":"https://www.twilio.com/docs/api/errors/20429","title":"Too Many Requests","status":429,"code":20429}""",
        TwilioSendOutcome.TryAgain, 20429, "Too Many Requests", "problem JSON without a detail falls back to its title; 429 is tried again")]
    [InlineData(502, "<html><body>Bad Gateway</body></html>", TwilioSendOutcome.Unclear, null, "HTTP 502: <html><body>Bad Gateway</body></html>", "a proxy's HTML page: Twilio may have it behind the proxy")]
    [InlineData(503, "", TwilioSendOutcome.Unclear, null, "HTTP 503", "no body at all")]
    [InlineData(503, """{"code":20503,"message":"Service Unavailable","status":503}""", TwilioSendOutcome.TryAgain, 20503, "Service Unavailable", "Twilio's own 503 says it did not take the message")]
    [InlineData(403, "<html>Forbidden</html>", TwilioSendOutcome.Rejected, null, "HTTP 403: <html>Forbidden</html>", "a proxy's refusal is a refusal, though the SDK reports no status for it")]
    [InlineData(400, """["not","an","object"]""", TwilioSendOutcome.Rejected, null, "HTTP 400: [\"not\",\"an\",\"object\"]", "JSON that is not an error object")]
    [InlineData(201, "<html>created?</html>", TwilioSendOutcome.Unclear, null, null, "a 2xx we can't read: it may exist, but can't be followed without its SID")]
    public async Task Maps_every_answer_to_an_outcome(int status, string body, TwilioSendOutcome outcome, int? code, string? message, string reason)
    {
        await using var fake = FakeTwilioApi.Start();
        fake.Respond = (_, _) => Task.FromResult(new FakeTwilioApi.Response(status, body));

        var result = await Api(fake).SendAsync(Hej, CancellationToken.None);

        Assert.True(outcome == result.Outcome, $"{reason}: {result.Outcome}");
        Assert.True(code == result.Error?.Code, $"{reason}: code {result.Error?.Code}");
        Assert.True(message is null ? result.Error?.Message.StartsWith("Unreadable answer", StringComparison.Ordinal) == true : message == result.Error?.Message,
            $"{reason}: message {result.Error?.Message}");
        Assert.Equal(status, result.Error?.HttpStatus);
    }

    [Fact]
    public async Task A_created_message_gives_its_sid_and_the_request_is_what_twilio_expects()
    {
        await using var fake = FakeTwilioApi.Start();
        fake.Respond = (_, _) => Task.FromResult(FakeTwilioApi.Accept("SM11111111111111111111111111111111"));

        var result = await Api(fake).SendAsync(new TwilioMessageRequest("whatsapp:+4520123456", "whatsapp:" + FromNumber, null, null, "HX0123", """{"1":"Hej"}"""), CancellationToken.None);

        Assert.Equal((TwilioSendOutcome.Accepted, "SM11111111111111111111111111111111", "queued"), (result.Outcome, result.Sid, result.Status));
        var request = Assert.Single(fake.Requests);
        Assert.Equal(("POST", $"/2010-04-01/Accounts/{AccountSid}/Messages.json", Basic(AccountSid, AuthToken)), (request.Method, request.Path, request.Authorization));
        Assert.Equal(new Dictionary<string, string>
        {
            ["To"] = "whatsapp:+4520123456", ["From"] = "whatsapp:" + FromNumber, ["ContentSid"] = "HX0123", ["ContentVariables"] = """{"1":"Hej"}""",
        }, request.Form);
    }

    [Fact]
    public async Task Retry_after_is_read_from_twilios_answer()
    {
        await using var fake = FakeTwilioApi.Start();
        fake.Respond = (_, _) => Task.FromResult(FakeTwilioApi.Error(429, 20429, "Too Many Requests") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "7" } });

        var result = await Api(fake).SendAsync(Hej, CancellationToken.None);

        Assert.Equal((TwilioSendOutcome.TryAgain, 429, 20429, TimeSpan.FromSeconds(7)), (result.Outcome, result.Error?.HttpStatus, result.Error?.Code, result.RetryAfter));
    }

    [Fact]
    public async Task No_answer_in_time_is_unclear_and_no_connection_is_tried_again()
    {
        await using var fake = FakeTwilioApi.Start();
        var hung = new TaskCompletionSource<FakeTwilioApi.Response>(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.Respond = (_, _) => hung.Task;

        var timedOut = await Api(fake, TimeSpan.FromMilliseconds(500)).SendAsync(Hej, CancellationToken.None);
        hung.TrySetCanceled();
        var options = new TwilioOptions { AccountSid = AccountSid, AuthToken = AuthToken, ApiBaseUrl = "http://127.0.0.1:9" }; // nothing listens there
        var account = new TwilioAccount(options, new LocalServerAddress(null!));
        var refused = await new TwilioMessagesApi(new HttpClient(new TwilioApiHandler(account, TimeProvider.System) { InnerHandler = new SocketsHttpHandler() }), account)
            .SendAsync(Hej, CancellationToken.None);

        Assert.Equal((TwilioSendOutcome.Unclear, 0, "Twilio did not answer in time"), (timedOut.Outcome, timedOut.Error?.HttpStatus, timedOut.Error?.Message));
        Assert.Equal((TwilioSendOutcome.TryAgain, 0), (refused.Outcome, refused.Error?.HttpStatus));
        Assert.StartsWith("No answer from Twilio", refused.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_is_cut_short_when_the_caller_cancels()
    {
        await using var fake = FakeTwilioApi.Start();
        var hung = new TaskCompletionSource<FakeTwilioApi.Response>(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.Respond = (_, _) => hung.Task;
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Api(fake).SendAsync(Hej, stopping.Token));
        hung.TrySetCanceled();
    }

    [Fact]
    public async Task The_list_is_read_page_by_page_until_a_message_sent_before_the_window()
    {
        await using var fake = FakeTwilioApi.Start();
        fake.ListPageSize = 2;
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var i = 0; i < 5; i++)
        {
            fake.Seed("+4520123456", FromNumber, $"Besked {i}", since.AddSeconds(i + 1));
        }

        fake.Seed("+4520123456", FromNumber, "Før", since.AddSeconds(-30));
        fake.Seed("+4520999999", FromNumber, "Til en anden", since.AddSeconds(2));

        var listed = await Api(fake).ListSentAsync("+4520123456", FromNumber, since, CancellationToken.None);

        Assert.Null(listed.Error);
        Assert.Equal(["Besked 4", "Besked 3", "Besked 2", "Besked 1", "Besked 0"], listed.Messages!.Select(m => m.Body));
        Assert.All(listed.Messages!, m => Assert.Equal(("+4520123456", FromNumber, "outbound-api", "sent"), (m.To, m.From, m.Direction, m.Status)));
        Assert.Equal(since.AddSeconds(5).ToUnixTimeSeconds(), listed.Messages![0].DateCreated!.Value.ToUnixTimeSeconds());
        var gets = fake.Requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal(3, gets.Count); // 2 + 2 + 1, following next_page_uri
        Assert.All(gets, r => Assert.Equal(($"/2010-04-01/Accounts/{AccountSid}/Messages.json", "+4520123456", FromNumber),
            (r.Path, r.Query["To"], r.Query["From"])));
        // No DateSent> filter, which would hide a message Twilio still has queued: the reading stops at "Før" instead.
        Assert.All(gets, r => Assert.False(r.Query.ContainsKey("DateSent>")));
    }
}
