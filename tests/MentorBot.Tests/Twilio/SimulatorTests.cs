using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MentorBot.Bot.Channels.Twilio;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>The built-in Twilio stand-in: it speaks Twilio's API, drives the real code path, and is gone with a real account.</summary>
public sealed class SimulatorTests(PostgresFixture postgres)
{
    static async Task<string> SimulatorAccountSidAsync(BotProcess bot)
    {
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        using var health = JsonDocument.Parse(await http.GetStringAsync("/health"));
        var twilio = health.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "twilio");
        var description = twilio.GetProperty("description").GetString()!;
        return description.Split(' ').Single(w => w.StartsWith("AC", StringComparison.Ordinal)).TrimEnd(':', ',');
    }

    [Fact]
    public async Task A_queued_message_is_delivered_to_the_simulator_once_and_its_callbacks_mark_it_delivered()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Simulator(database));

        var id = await QueueAsync(database, "+4520000001", "مرحبا أمل");
        await Eventually(async () => (await MessageAsync(database, id)).DeliveryStatus == DeliveryStatus.Delivered, "the simulator's callbacks reported delivered");

        var message = await MessageAsync(database, id);
        Assert.StartsWith("SM", message.ProviderMessageId);
        Assert.NotNull(message.DeliveredAt);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        var phone = await http.GetFromJsonAsync<JsonElement>("/simulator/phone/messages?number=%2B4520000001");
        var captured = Assert.Single(phone.EnumerateArray());
        Assert.Equal((message.ProviderMessageId, "from_mentorbot", "مرحبا أمل", "delivered"),
            (captured.GetProperty("sid").GetString(), captured.GetProperty("direction").GetString(), captured.GetProperty("body").GetString(), captured.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_mentee_signs_up_in_arabic_by_sms_on_the_test_phone()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Simulator(database));
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        // Arabic-Indic digits and Arabic words, as she would type them; every text goes through the signed webhook.
        // "مرحبا" places her in Arabic at once: the welcome asks her role without a language menu.
        foreach (var text in new[] { "مرحبا", "١", "أمل", "١", "Valby", "٦", "٢", "ممرضة", "٦", "١ ٣ ٥", "١ ١١", "٢", "نعم", "نعم" })
        {
            using var sent = await http.PostAsJsonAsync("/simulator/phone/messages", new { from = "+4520123442", body = text });
            Assert.Equal(200, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhookStatus").GetInt32());
        }

        await using (var db = TestDb.Open(database))
        {
            var person = await db.Participants.Include(p => p.Profile).SingleAsync();
            Assert.Equal(("أمل", "ar", ParticipantStatus.Active, "ممرضة"), (person.DisplayName, person.PreferredLanguage, person.Status, person.Profile!.Profession));
            Assert.Equal(["job", "network", "career"], person.Profile.Goals);
        }

        await Eventually(async () =>
        {
            var phone = await http.GetFromJsonAsync<JsonElement>("/simulator/phone/messages?number=%2B4520123442");
            return phone.EnumerateArray().Count(m => m.GetProperty("direction").GetString() == "from_mentorbot") >= 15;
        }, "every reply reached the phone");
        var replies = (await http.GetFromJsonAsync<JsonElement>("/simulator/phone/messages?number=%2B4520123442")).EnumerateArray()
            .Where(m => m.GetProperty("direction").GetString() == "from_mentorbot").Select(m => m.GetProperty("body").GetString()!).ToList();
        Assert.All(replies, r => Assert.Matches(@"\p{IsArabic}", r)); // from her first message on, every reply is in Arabic
    }

    [Fact]
    public async Task The_test_phone_sends_a_signed_webhook_through_the_real_inbound_path()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Simulator(database));
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        var page = await http.GetStringAsync("/simulator/phone");
        using var sent = await http.PostAsJsonAsync("/simulator/phone/messages", new { from = "+45 20 12 34 07", body = "سلام، من مریم هستم" });
        var result = await sent.Content.ReadFromJsonAsync<JsonElement>();
        using var whatsApp = await http.PostAsJsonAsync("/simulator/phone/messages", new { from = "whatsapp:+4520123407", body = "Hej fra WhatsApp" });
        using var notANumber = await http.PostAsJsonAsync("/simulator/phone/messages", new { from = "hello", body = "x" });
        using var notValid = await http.PostAsJsonAsync("/simulator/phone/messages", new { from = "+45 12 34 56 78", body = "x" }); // no Danish number starts with 1

        Assert.Contains("<form", page);
        Assert.DoesNotContain("https://", page.Replace("https://www.w3.org", "")); // no CDN: everything is served by MentorBot
        Assert.Equal(200, result.GetProperty("webhookStatus").GetInt32());
        Assert.Equal(HttpStatusCode.OK, whatsApp.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notValid.StatusCode);
        Assert.StartsWith("Not a valid phone number", (await notValid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        await using var db = TestDb.Open(database);
        var message = await db.Messages.SingleAsync(m => m.Channel == Channel.Sms && m.Direction == MessageDirection.Inbound);
        Assert.True(await db.Messages.AnyAsync(m => m.Channel == Channel.Sms && m.Direction == MessageDirection.Outbound), "the bot answered on the same channel");
        Assert.Equal(("سلام، من مریم هستم", result.GetProperty("messageSid").GetString(), MessageDirection.Inbound), (message.Text, message.ProviderMessageId, message.Direction));
        Assert.Equal("+4520123407", (await db.Participants.SingleAsync()).Phone);
        Assert.Equal("whatsapp:+4520123407", (await db.Conversations.SingleAsync(c => c.Channel == Channel.Whatsapp)).ChannelConversationId);
    }

    [Fact]
    public async Task Twilios_own_npm_client_sends_and_fetches_through_the_simulator()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = Simulator(database);
        environment["Twilio__AuthToken"] = "simulator_token";
        await using var bot = await BotProcess.ServeAsync(environment);
        var accountSid = await SimulatorAccountSidAsync(bot);

        var seen = await NodeOracle.RunAsync("twilio-client.mjs", new
        {
            baseUrl = new Uri(bot.BaseAddress, "/simulator/twilio").ToString().TrimEnd('/'),
            accountSid, authToken = "simulator_token", to = "+4520000001", from = "+4570000000", body = "Hej Åse 👋",
        });

        var created = seen.GetProperty("created");
        Assert.StartsWith("SM", created.GetProperty("sid").GetString());
        Assert.Equal((accountSid, "+4520000001", "+4570000000", "Hej Åse 👋", "queued", "outbound-api"),
            (created.GetProperty("accountSid").GetString(), created.GetProperty("to").GetString(), created.GetProperty("from").GetString(),
             created.GetProperty("body").GetString(), created.GetProperty("status").GetString(), created.GetProperty("direction").GetString()));
        Assert.NotEqual(JsonValueKind.Null, created.GetProperty("dateCreated").ValueKind); // the client parsed our RFC 2822 date
        Assert.Equal(created.GetProperty("sid").GetString(), seen.GetProperty("fetched").GetProperty("sid").GetString());
        var error = seen.GetProperty("error");
        Assert.Equal((400, 21602), (error.GetProperty("status").GetInt32(), error.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Twilios_own_npm_client_lists_sent_messages_page_by_page_through_the_simulator()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = Simulator(database);
        environment["Twilio__AuthToken"] = "simulator_token";
        await using var bot = await BotProcess.ServeAsync(environment);
        var accountSid = await SimulatorAccountSidAsync(bot);
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        var ids = new List<Guid>();
        foreach (var (phone, text) in new[] { ("+4520000011", "Første"), ("+4520000011", "Anden"), ("+4520000012", "Til en anden"), ("+4520000011", "مرحبا") })
        {
            ids.Add(await QueueAsync(database, phone, text));
        }

        // Sent (so with a date sent) once the simulator has called back "sent" for each.
        await Eventually(async () =>
        {
            await using var db = TestDb.Open(database);
            return await db.Messages.CountAsync(m => ids.Contains(m.Id) && (m.DeliveryStatus == DeliveryStatus.Sent || m.DeliveryStatus == DeliveryStatus.Delivered)) == ids.Count;
        }, "the simulator sent all four");

        var seen = await NodeOracle.RunAsync("twilio-list.mjs", new
        {
            baseUrl = new Uri(bot.BaseAddress, "/simulator/twilio").ToString().TrimEnd('/'),
            accountSid, authToken = "simulator_token", to = "+4520000011", from = TwilioAccount.SimulatorFromNumber,
            sentAfter = since.ToString("O"), pageSize = 2,
        });

        var listed = seen.GetProperty("listed").EnumerateArray().ToList();
        Assert.Equal(["مرحبا", "Anden", "Første"], listed.Select(m => m.GetProperty("body").GetString())); // hers only, newest first, all pages
        Assert.All(listed, m => Assert.NotEqual(JsonValueKind.Null, m.GetProperty("dateSent").ValueKind));
        Assert.Equal((2, true), (seen.GetProperty("firstPageCount").GetInt32(), seen.GetProperty("hasNextPage").GetBoolean()));

        var later = await NodeOracle.RunAsync("twilio-list.mjs", new
        {
            baseUrl = new Uri(bot.BaseAddress, "/simulator/twilio").ToString().TrimEnd('/'),
            accountSid, authToken = "simulator_token", to = "+4520000011", from = TwilioAccount.SimulatorFromNumber,
            sentAfter = DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"), pageSize = 2,
        });
        Assert.Empty(later.GetProperty("listed").EnumerateArray());
    }

    [Fact]
    public async Task The_simulator_checks_basic_auth()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = Simulator(database);
        environment["Twilio__AuthToken"] = "simulator_token";
        await using var bot = await BotProcess.ServeAsync(environment);
        var accountSid = await SimulatorAccountSidAsync(bot);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/simulator/twilio/2010-04-01/Accounts/{accountSid}/Messages.json")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["To"] = "+4520000001", ["From"] = "+4570000000", ["Body"] = "x" }),
        };
        request.Headers.Add("Authorization", Basic(accountSid, "wrong_token"));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(20003, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task With_a_real_account_the_simulator_does_not_exist()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database));
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        using var page = await http.GetAsync("/simulator/phone");
        using var api = await http.PostAsync($"/simulator/twilio/2010-04-01/Accounts/{AccountSid}/Messages.json",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["To"] = "+4520000001", ["From"] = FromNumber, ["Body"] = "x" }));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }
}
