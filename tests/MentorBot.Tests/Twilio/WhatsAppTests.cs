using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>WhatsApp replies: free text inside the 24-hour window, else the template, else SMS.</summary>
public sealed class WhatsAppTests(PostgresFixture postgres)
{
    const string Template = "HX0123456789abcdef0123456789abcdef";

    /// <summary>She (someone new) wrote to us on WhatsApp <paramref name="ago"/> before now.</summary>
    static async Task WroteAsync(string database, string phone, TimeSpan ago)
    {
        var at = DateTimeOffset.UtcNow - ago;
        await using var db = TestDb.Open(database);
        var participant = new Participant { Phone = phone, CreatedAt = at, UpdatedAt = at };
        var conversation = new Conversation { ParticipantId = participant.Id, Channel = Channel.Whatsapp, ChannelConversationId = "whatsapp:" + phone, StartedAt = at, LastActivityAt = at };
        db.AddRange(participant, conversation);
        db.Messages.Add(new Message
        {
            ConversationId = conversation.Id, ParticipantId = participant.Id, Channel = Channel.Whatsapp, Direction = MessageDirection.Inbound,
            Author = MessageAuthor.Participant, Text = "Hej", ProviderMessageId = NewSid(), DeliveryStatus = DeliveryStatus.Received, CreatedAt = at, UpdatedAt = at,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Inside_the_window_free_text_outside_it_the_template()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        var environment = RealAccount(database, api.BaseUrl);
        environment["Twilio__WhatsAppTemplateSid"] = Template;
        await using var bot = await BotProcess.ServeAsync(environment);

        await WroteAsync(database, "+4520000001", TimeSpan.FromMinutes(5));
        var recent = await QueueAsync(database, "+4520000001", "Tak for din besked", Channel.Whatsapp);
        await WroteAsync(database, "+4520000002", TimeSpan.FromHours(25));
        var old = await QueueAsync(database, "+4520000002", "Husk mødet i morgen", Channel.Whatsapp);
        await Eventually(async () => (await MessageAsync(database, recent)).ProviderMessageId is not null && (await MessageAsync(database, old)).ProviderMessageId is not null,
            "both messages were sent");

        var requests = api.Requests.ToDictionary(r => r.Form["To"]);
        Assert.Equal(new Dictionary<string, string> { ["To"] = "whatsapp:+4520000001", ["From"] = "whatsapp:" + FromNumber, ["Body"] = "Tak for din besked" },
            requests["whatsapp:+4520000001"].Form);
        Assert.Equal(new Dictionary<string, string>
        {
            ["To"] = "whatsapp:+4520000002", ["From"] = "whatsapp:" + FromNumber, ["ContentSid"] = Template,
            ["ContentVariables"] = """{"1":"Husk m\u00F8det i morgen"}""",
        }, requests["whatsapp:+4520000002"].Form);
        Assert.Equal(DeliveryRoute.WhatsappFreeText, (await MessageAsync(database, recent)).SentVia);
        var templated = await MessageAsync(database, old);
        Assert.Equal((DeliveryRoute.WhatsappTemplate, Template), (templated.SentVia, templated.WhatsappTemplateSid));
    }

    [Fact]
    public async Task Outside_the_window_without_a_template_it_goes_by_sms()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database, api.BaseUrl));

        var id = await QueueAsync(database, "+4520000003", "Husk mødet i morgen", Channel.Whatsapp);
        await Eventually(async () => (await MessageAsync(database, id)).ProviderMessageId is not null, "the message was sent");

        Assert.Equal(new Dictionary<string, string> { ["To"] = "+4520000003", ["From"] = FromNumber, ["Body"] = "Husk mødet i morgen" }, Assert.Single(api.Requests).Form);
        var message = await MessageAsync(database, id);
        Assert.Equal((Channel.Whatsapp, DeliveryRoute.Sms), (message.Channel, message.SentVia));
    }
}
