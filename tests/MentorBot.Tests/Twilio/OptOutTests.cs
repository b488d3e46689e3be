using System.Net;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>STOP and START over the real webhook, and the outbox honouring them.</summary>
public sealed class OptOutTests(PostgresFixture postgres)
{
    [Fact]
    public async Task After_stop_nothing_is_sent_to_her_not_even_what_was_already_queued()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        var environment = RealAccount(database, api.BaseUrl);
        await using (var stopped = await BotProcess.ServeAsync(new Dictionary<string, string?>(environment) { ["Twilio__ApiBaseUrl"] = "http://127.0.0.1:9" }))
        {
            // Queued while the API can't be reached (port 9), so it is still waiting when she writes STOP.
            var waiting = await QueueAsync(database, "+4520000001", "Påmindelse");
            using var stop = await PostSignedAsync(stopped.BaseAddress, "/api/twilio/sms", InboundSms("+4520000001", " Stop! "));
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
            var cancelled = await MessageAsync(database, waiting);
            Assert.Equal((DeliveryStatus.Failed, "opted_out"), (cancelled.DeliveryStatus, cancelled.ErrorMessage));
        }

        await using var bot = await BotProcess.ServeAsync(environment);
        var later = await QueueAsync(database, "+4520000001", "Hej igen");
        await Eventually(async () => (await MessageAsync(database, later)).DeliveryStatus == DeliveryStatus.Failed, "the later message was refused");

        Assert.Equal("opted_out", (await MessageAsync(database, later)).ErrorMessage);
        Assert.Empty(api.Requests);
        await using var db = TestDb.Open(database);
        var participant = await db.Participants.SingleAsync();
        Assert.Equal(Channel.Sms, participant.OptedOutVia);
        Assert.NotNull(participant.OptedOutAt);
    }

    [Fact]
    public async Task Start_lets_messages_through_again()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database, api.BaseUrl));

        using var stop = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms("+4520000001", "STOP"));
        using var start = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms("+4520000001", "start"));
        var id = await QueueAsync(database, "+4520000001", "Velkommen tilbage");
        await Eventually(async () => (await MessageAsync(database, id)).ProviderMessageId is not null, "the message was sent");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (stop.StatusCode, start.StatusCode));
        Assert.Equal("+4520000001", Assert.Single(api.Requests).Form["To"]);
        await using var db = TestDb.Open(database);
        var participant = await db.Participants.SingleAsync();
        Assert.Null(participant.OptedOutAt);
        Assert.Equal(2, await db.Messages.CountAsync(m => m.Direction == MessageDirection.Inbound)); // both keywords are kept in her transcript
    }

    [Fact]
    public async Task Twilios_opt_out_type_counts_even_for_a_word_we_dont_know()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));
        var sms = InboundSms("+4520000001", "Afmeld");
        sms["OptOutType"] = "STOP";

        using var response = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", sms);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = TestDb.Open(database);
        Assert.NotNull((await db.Participants.SingleAsync()).OptedOutAt);
    }
}
