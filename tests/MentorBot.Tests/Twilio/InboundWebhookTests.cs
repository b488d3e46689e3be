using System.Net;
using System.Text;
using System.Xml.Linq;
using MentorBot.Bot.Channels.Twilio.Simulator;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>POST /api/twilio/sms on the running app: what is stored, once, and what is refused.</summary>
public sealed class InboundWebhookTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_signed_sms_is_stored_with_a_new_participant_and_answered_with_empty_twiml()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));

        using var response = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms("+4520000001", "مرحبا، أنا أمل", "SM00000000000000000000000000000001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(("Response", 0, ""), (twiml.Name.LocalName, twiml.Elements().Count(), twiml.Value)); // empty TwiML: nothing to say
        await using var db = TestDb.Open(database);
        var participant = await db.Participants.SingleAsync();
        // "مرحبا" is Arabic: she is answered in Arabic from her first message on.
        Assert.Equal(("+4520000001", ParticipantRole.Mentee, ParticipantStatus.SigningUp, "ar"), (participant.Phone, participant.Role, participant.Status, participant.PreferredLanguage));
        var conversation = await db.Conversations.SingleAsync();
        Assert.Equal((Channel.Sms, "+4520000001", participant.Id), (conversation.Channel, conversation.ChannelConversationId, conversation.ParticipantId));
        var message = await db.Messages.SingleAsync(m => m.Direction == MessageDirection.Inbound);
        Assert.Equal(
            (MessageDirection.Inbound, MessageAuthor.Participant, "مرحبا، أنا أمل", "SM00000000000000000000000000000001", DeliveryStatus.Received, conversation.Id, participant.Id),
            (message.Direction, message.Author, message.Text, message.ProviderMessageId, message.DeliveryStatus, message.ConversationId, message.ParticipantId));
        Assert.DoesNotContain("+4520000001", bot.Output); // masked in the log
        Assert.Contains("+45****0001", bot.Output);
    }

    [Fact]
    public async Task A_repeated_message_sid_is_acknowledged_and_stored_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));
        var sms = InboundSms("+4520000001", "Hej");

        var statuses = new List<HttpStatusCode>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            using var response = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", sms);
            statuses.Add(response.StatusCode);
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", sms)));
        statuses.AddRange(concurrent.Select(r => r.StatusCode));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await using var db = TestDb.Open(database);
        Assert.Equal(1, await db.Messages.CountAsync(m => m.Direction == MessageDirection.Inbound));
        Assert.Equal(1, await db.Participants.CountAsync());
    }

    [Fact]
    public async Task A_new_persons_first_messages_arriving_together_make_one_participant()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms("+4520000009", $"besked {i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = TestDb.Open(database);
        Assert.Equal(5, await db.Messages.CountAsync(m => m.Direction == MessageDirection.Inbound));
        Assert.Equal(1, await db.Participants.CountAsync());
        Assert.Equal(1, await db.Conversations.CountAsync());
    }

    [Fact]
    public async Task Unsigned_forged_and_tampered_webhooks_are_refused_and_nothing_is_stored()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));
        var sms = InboundSms("+4520000001", "Hej");
        var url = new Uri(bot.BaseAddress, "/api/twilio/sms").ToString();
        using var http = new HttpClient();

        using var unsigned = await http.PostAsync(url, new FormUrlEncodedContent(sms));
        using var otherToken = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", sms, token: "someone_elses_token");
        using var otherUrl = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", sms, signedUrl: "https://evil.example/api/twilio/sms");
        using var tamperedRequest = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(sms) { ["Body"] = "STOP" }),
        };
        tamperedRequest.Headers.Add(SimulatorWebhookSigner.Header, SimulatorWebhookSigner.Sign(AuthToken, url, sms));
        using var tampered = await http.SendAsync(tamperedRequest);

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherUrl.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        await using var db = TestDb.Open(database);
        Assert.Equal(0, await db.Messages.CountAsync());
        Assert.Equal(0, await db.Participants.CountAsync());
    }

    [Fact]
    public async Task Malformed_requests_get_a_4xx_never_a_500_and_nothing_is_stored()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));
        var url = new Uri(bot.BaseAddress, "/api/twilio/sms").ToString();
        using var http = new HttpClient();

        var results = new Dictionary<string, HttpStatusCode>();
        foreach (var missing in new[] { "From", "MessageSid", "Body" })
        {
            var fields = InboundSms("+4520000001", "Hej");
            fields.Remove(missing);
            if (missing == "MessageSid")
            {
                fields.Remove("SmsMessageSid");
            }

            using var response = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", fields);
            results[$"signed, without {missing}"] = response.StatusCode;
        }

        using (var response = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms("not a number", "Hej")))
        {
            results["signed, From is not a phone number"] = response.StatusCode;
        }

        using (var response = await http.PostAsync(url, new FormUrlEncodedContent(InboundSms("+4520000001", new string('x', 1024 * 1024)))))
        {
            results["a 1 MB body"] = response.StatusCode;
        }

        using (var response = await http.PostAsync(url, new ByteArrayContent(Encoding.ASCII.GetBytes("MessageSid=SM1&From=%2B4520000001&Body=%FF%FE"))
        {
            Headers = { ContentType = new("application/x-www-form-urlencoded") },
        }))
        {
            results["percent-encoded bytes that are not UTF-8"] = response.StatusCode;
        }

        using (var response = await http.PostAsync(url, new ByteArrayContent([.. "MessageSid=SM1&From=%2B4520000001&Body="u8, 0xC3, 0x28])
        {
            Headers = { ContentType = new("application/x-www-form-urlencoded") },
        }))
        {
            results["raw bytes that are not UTF-8"] = response.StatusCode;
        }

        using (var response = await http.PostAsync(url, new StringContent("""{"MessageSid":"SM1","From":"+4520000001","Body":"Hej"}""", Encoding.UTF8, "application/json")))
        {
            results["JSON instead of a form"] = response.StatusCode;
        }

        using (var response = await http.PostAsync(url, new StringContent("MessageSid=SM1", Encoding.UTF8, "text/plain")))
        {
            results["text/plain"] = response.StatusCode;
        }

        using (var response = await http.PostAsync(url, null))
        {
            results["no body at all"] = response.StatusCode;
        }

        var wrong = results.Where(r => (int)r.Value is < 400 or >= 500).Select(r => $"{r.Key}: {(int)r.Value}").ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, results["a 1 MB body"]);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, results["JSON instead of a form"]);
        Assert.Equal(HttpStatusCode.BadRequest, results["percent-encoded bytes that are not UTF-8"]);
        Assert.Equal(HttpStatusCode.BadRequest, results["signed, without Body"]);
        await using var db = TestDb.Open(database);
        Assert.Equal(0, await db.Messages.CountAsync());
        Assert.DoesNotContain("Unhandled exception", bot.Output);
    }

    [Fact]
    public async Task Behind_a_proxy_the_signature_is_checked_against_the_configured_public_url()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = RealAccount(database);
        environment["Twilio__PublicBaseUrl"] = "https://mentorbot.example.dk/";
        await using var bot = await BotProcess.ServeAsync(environment);

        using var signedForLocal = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms("+4520000001", "Hej"));
        using var signedForPublic = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms("+4520000001", "Hej"),
            signedUrl: "https://mentorbot.example.dk/api/twilio/sms");

        Assert.Equal(HttpStatusCode.Forbidden, signedForLocal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedForPublic.StatusCode);
    }

    [Fact]
    public async Task A_whatsapp_message_is_stored_on_a_whatsapp_conversation_of_the_same_person()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));

        using var sms = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", InboundSms("+4520000001", "Hej på SMS"));
        var whatsApp = InboundSms("whatsapp:+4520000001", "Hej på WhatsApp");
        whatsApp["To"] = "whatsapp:" + FromNumber;
        whatsApp["WaId"] = "4520000001";
        whatsApp["ProfileName"] = "Amal";
        using var response = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", whatsApp);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = TestDb.Open(database);
        var participant = await db.Participants.SingleAsync();
        Assert.Equal("+4520000001", participant.Phone);
        var conversations = await db.Conversations.OrderBy(c => c.StartedAt).ToListAsync();
        Assert.Equal([(Channel.Sms, "+4520000001"), (Channel.Whatsapp, "whatsapp:+4520000001")], conversations.Select(c => (c.Channel, c.ChannelConversationId)));
        var message = await db.Messages.SingleAsync(m => m.Text == "Hej på WhatsApp");
        Assert.Equal(Channel.Whatsapp, message.Channel);
    }
}
