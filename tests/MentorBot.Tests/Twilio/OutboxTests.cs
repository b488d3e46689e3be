using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>The outbox against a scripted fake of Twilio's Messages API: what is sent, retried, refused, and sent once.</summary>
public sealed class OutboxTests(PostgresFixture postgres)
{
    const string MessagesPath = $"/2010-04-01/Accounts/{AccountSid}/Messages.json";

    [Fact]
    public async Task A_queued_sms_is_sent_once_as_twilio_expects_it()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        api.Respond = (_, _) => Task.FromResult(FakeTwilioApi.Accept("SM11111111111111111111111111111111"));
        var environment = RealAccount(database, api.BaseUrl);
        environment["Twilio__PublicBaseUrl"] = "https://mentorbot.example.dk";
        await using var bot = await BotProcess.ServeAsync(environment);

        var id = await QueueAsync(database, "+4520000001", "Hej Amal, velkommen 👋");
        await Eventually(async () => (await MessageAsync(database, id)).ProviderMessageId is not null, "the message was handed to Twilio");

        var request = Assert.Single(api.Requests);
        Assert.Equal(("POST", MessagesPath, Basic(AccountSid, AuthToken)), (request.Method, request.Path, request.Authorization));
        Assert.Equal(new Dictionary<string, string>
        {
            ["To"] = "+4520000001", ["From"] = FromNumber, ["Body"] = "Hej Amal, velkommen 👋",
            ["StatusCallback"] = "https://mentorbot.example.dk/api/twilio/status",
        }, request.Form);
        var message = await MessageAsync(database, id);
        Assert.Equal(("SM11111111111111111111111111111111", DeliveryStatus.Sending, DeliveryRoute.Sms, 1), (message.ProviderMessageId, message.DeliveryStatus, message.SentVia, message.Attempts));
        Assert.NotNull(message.SentAt);
    }

    [Fact]
    public async Task Error_21211_fails_the_message_without_retrying_and_marks_the_participant()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        api.Respond = (_, _) => Task.FromResult(FakeTwilioApi.Error(400, 21211, "The 'To' number +4520000002 is not a valid phone number."));
        var environment = RealAccount(database, api.BaseUrl);
        environment["Twilio__ApiKeySid"] = "SK0123456789abcdef0123456789abcdef";
        environment["Twilio__ApiKeySecret"] = "key_secret";
        await using var bot = await BotProcess.ServeAsync(environment);

        var first = await QueueAsync(database, "+4520000002", "Hej");
        await Eventually(async () => (await MessageAsync(database, first)).DeliveryStatus == DeliveryStatus.Failed, "the message failed");
        var second = await QueueAsync(database, "+4520000002", "Er du der?");
        await Eventually(async () => (await MessageAsync(database, second)).DeliveryStatus == DeliveryStatus.Failed, "the next message to her failed too");

        var request = Assert.Single(api.Requests); // neither retried nor the second one tried
        Assert.Equal((MessagesPath, Basic("SK0123456789abcdef0123456789abcdef", "key_secret")), (request.Path, request.Authorization));
        var failed = await MessageAsync(database, first);
        Assert.Equal(("21211", "The 'To' number +4520000002 is not a valid phone number.", 1, null), (failed.ErrorCode, failed.ErrorMessage, failed.Attempts, failed.ProviderMessageId));
        Assert.Equal("permanent_delivery_error", (await MessageAsync(database, second)).ErrorMessage);
        await using var db = TestDb.Open(database);
        var participant = await db.Participants.SingleAsync();
        Assert.Equal(21211, participant.PermanentDeliveryError);
        Assert.Null(participant.OptedOutAt);
        Assert.DoesNotContain("key_secret", bot.Output);
        Assert.DoesNotContain(AuthToken, bot.Output);
        Assert.DoesNotContain("+4520000002", bot.Output);
    }

    [Fact]
    public async Task Error_21614_marks_her_number_as_not_a_mobile_and_nothing_more_is_tried()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        api.Respond = (_, _) => Task.FromResult(FakeTwilioApi.Error(400, 21614, "'To' number is not a valid mobile number"));
        await using var bot = await BotProcess.ServeAsync(RealAccount(database, api.BaseUrl));

        var first = await QueueAsync(database, "+4533000001", "Hej");
        await Eventually(async () => (await MessageAsync(database, first)).DeliveryStatus == DeliveryStatus.Failed, "the message failed");
        var second = await QueueAsync(database, "+4533000001", "Hej igen");
        await Eventually(async () => (await MessageAsync(database, second)).DeliveryStatus == DeliveryStatus.Failed, "the next one failed without a try");

        Assert.Single(api.Posts);
        Assert.Equal(("21614", "permanent_delivery_error"), ((await MessageAsync(database, first)).ErrorCode, (await MessageAsync(database, second)).ErrorMessage));
        await using var db = TestDb.Open(database);
        var participant = await db.Participants.SingleAsync();
        Assert.Equal(21614, participant.PermanentDeliveryError);
        Assert.Null(participant.OptedOutAt); // a landline is not an opt-out
        Assert.DoesNotContain("+4533000001", bot.Output);
    }

    [Fact]
    public async Task Error_21610_in_problem_json_means_she_unsubscribed()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        api.Respond = (_, _) => Task.FromResult(new FakeTwilioApi.Response(400,
            """{"type":"https://www.twilio.com/docs/api/errors/21610","title":"Attempt to send to unsubscribed recipient","status":400,"code":21610,"detail":"The recipient replied STOP."}"""));
        await using var bot = await BotProcess.ServeAsync(RealAccount(database, api.BaseUrl));

        var id = await QueueAsync(database, "+4520000003", "Hej");
        await Eventually(async () => (await MessageAsync(database, id)).DeliveryStatus == DeliveryStatus.Failed, "the message failed");

        var message = await MessageAsync(database, id);
        Assert.Equal(("21610", "The recipient replied STOP."), (message.ErrorCode, message.ErrorMessage));
        await using var db = TestDb.Open(database);
        var participant = await db.Participants.SingleAsync();
        Assert.Equal((21610, Channel.Sms), (participant.PermanentDeliveryError, participant.OptedOutVia));
        Assert.NotNull(participant.OptedOutAt);
    }

    [Fact]
    public async Task Too_many_requests_then_a_proxys_503_is_retried_looked_up_and_sent_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        api.Respond = (_, n) => Task.FromResult(n switch
        {
            0 => FakeTwilioApi.Error(429, 20429, "Too Many Requests"),
            1 => new FakeTwilioApi.Response(503, "<html>Service Unavailable</html>"),
            _ => FakeTwilioApi.Accept("SM22222222222222222222222222222222"),
        });
        await using var bot = await BotProcess.ServeAsync(RealAccount(database, api.BaseUrl));

        var id = await QueueAsync(database, "+4520000004", "Hej");
        await Eventually(async () => (await MessageAsync(database, id)).ProviderMessageId is not null, "the message was sent after retries");

        // The 429 is Twilio refusing: tried again. The proxy's 503 may hide a message Twilio took: its list is read first.
        Assert.Equal([("POST", 429), ("POST", 503), ("GET", 200), ("POST", 201)], api.Requests.Zip(api.Answered, (r, a) => (r.Method, a.Status)));
        var message = await MessageAsync(database, id);
        Assert.Equal(("SM22222222222222222222222222222222", DeliveryStatus.Sending, 3, null), (message.ProviderMessageId, message.DeliveryStatus, message.Attempts, message.ErrorCode));
        Assert.Equal(4, api.Requests.Count); // the accepted one is never sent again
    }

    [Fact]
    public async Task A_send_that_times_out_is_looked_up_in_twilios_list_then_tried_again()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        var hung = new TaskCompletionSource<FakeTwilioApi.Response>(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Respond = (_, n) => n == 0 ? hung.Task : Task.FromResult(FakeTwilioApi.Accept("SM88888888888888888888888888888888"));
        var environment = RealAccount(database, api.BaseUrl);
        environment["Twilio__RequestTimeout"] = "00:00:01";
        await using var bot = await BotProcess.ServeAsync(environment);

        var id = await QueueAsync(database, "+4520000006", "Hej");
        await Eventually(async () => (await MessageAsync(database, id)).ProviderMessageId is not null, "the message was sent on the second try");

        var message = await MessageAsync(database, id);
        Assert.Equal(("SM88888888888888888888888888888888", 2), (message.ProviderMessageId, message.Attempts));
        Assert.Equal(["POST", "GET", "POST"], api.Requests.Select(r => r.Method));
        hung.TrySetCanceled();
    }
}
