using System.Net;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>POST /api/twilio/status: states only move forward, whatever order Twilio's callbacks arrive in.</summary>
public sealed class StatusCallbackTests(PostgresFixture postgres)
{
    static Dictionary<string, string> Callback(string sid, string status, string? errorCode = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["AccountSid"] = AccountSid, ["ApiVersion"] = "2010-04-01", ["From"] = FromNumber, ["To"] = "+4520000001",
            ["MessageSid"] = sid, ["SmsSid"] = sid, ["MessageStatus"] = status, ["SmsStatus"] = status,
        };
        if (errorCode is not null)
        {
            fields["ErrorCode"] = errorCode;
        }

        return fields;
    }

    /// <summary>A message Twilio has accepted (as the outbox leaves it), with <paramref name="sid"/>.</summary>
    static async Task<Guid> HandedOverAsync(string database, string sid)
    {
        var id = await QueueAsync(database, "+4520000001", "Hej");
        await using var db = TestDb.Open(database);
        await db.Messages.Where(m => m.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.ProviderMessageId, sid).SetProperty(m => m.DeliveryStatus, DeliveryStatus.Sending));
        return id;
    }

    [Fact]
    public async Task Callbacks_out_of_order_never_move_a_message_back()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));
        var id = await HandedOverAsync(database, "SM44444444444444444444444444444444");

        var answers = new List<HttpStatusCode>();
        foreach (var status in new[] { "sent", "delivered", "sending", "sent", "queued", "undelivered" })
        {
            using var response = await PostSignedAsync(bot.BaseAddress, "/api/twilio/status", Callback("SM44444444444444444444444444444444", status));
            answers.Add(response.StatusCode);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        var message = await MessageAsync(database, id);
        Assert.Equal(DeliveryStatus.Delivered, message.DeliveryStatus);
        Assert.NotNull(message.DeliveredAt);
    }

    [Fact]
    public async Task A_failed_delivery_records_its_error_code_and_a_permanent_one_on_the_participant()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));
        var id = await HandedOverAsync(database, "SM55555555555555555555555555555555");

        using var response = await PostSignedAsync(bot.BaseAddress, "/api/twilio/status", Callback("SM55555555555555555555555555555555", "failed", "21610"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await MessageAsync(database, id);
        Assert.Equal((DeliveryStatus.Failed, "21610"), (message.DeliveryStatus, message.ErrorCode));
        await using var db = TestDb.Open(database);
        var participant = await db.Participants.SingleAsync();
        Assert.Equal(21610, participant.PermanentDeliveryError);
        Assert.NotNull(participant.OptedOutAt);
    }

    [Fact]
    public async Task Read_after_delivered_is_recorded_for_whatsapp()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));
        var id = await HandedOverAsync(database, "SM66666666666666666666666666666666");

        foreach (var status in new[] { "delivered", "read", "delivered" })
        {
            using var _ = await PostSignedAsync(bot.BaseAddress, "/api/twilio/status", Callback("SM66666666666666666666666666666666", status));
        }

        Assert.Equal(DeliveryStatus.Read, (await MessageAsync(database, id)).DeliveryStatus);
    }

    [Fact]
    public async Task Unknown_unsigned_and_incomplete_callbacks()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));
        var id = await HandedOverAsync(database, "SM77777777777777777777777777777777");
        using var http = new HttpClient();

        using var unknown = await PostSignedAsync(bot.BaseAddress, "/api/twilio/status", Callback("SM_NOT_OURS", "delivered"));
        using var unsigned = await http.PostAsync(new Uri(bot.BaseAddress, "/api/twilio/status"), new FormUrlEncodedContent(Callback("SM77777777777777777777777777777777", "failed")));
        var incomplete = Callback("SM77777777777777777777777777777777", "failed");
        incomplete.Remove("MessageStatus");
        incomplete.Remove("SmsStatus");
        using var noStatus = await PostSignedAsync(bot.BaseAddress, "/api/twilio/status", incomplete);

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode); // nothing to do, and nothing for Twilio to retry
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noStatus.StatusCode);
        Assert.Equal(DeliveryStatus.Sending, (await MessageAsync(database, id)).DeliveryStatus);
    }
}
