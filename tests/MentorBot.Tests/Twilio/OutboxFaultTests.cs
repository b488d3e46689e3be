using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>
/// The outbox against a Twilio API that misbehaves: cut connections, answers that never come, 429s and no API at all.
/// Whatever Twilio may have is looked up in its list before a resend, so each message reaches it exactly once.
/// </summary>
public sealed class OutboxFaultTests(PostgresFixture postgres)
{
    const string Template = "HX0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task A_twilio_that_takes_a_tenth_then_cuts_and_hangs_gets_every_message_exactly_once_and_in_order()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        const int Singles = 40, Pairs = 5, Total = Singles + 2 * Pairs;
        api.Respond = (_, n) => Task.FromResult(n switch
        {
            < Total / 10 => FakeTwilioApi.Accept(),
            < 80 => (n % 4) switch
            {
                0 => FakeTwilioApi.Accept() with { Cut = true }, // created, the answer cut halfway
                1 => FakeTwilioApi.Accept() with { Delay = TimeSpan.FromSeconds(3), StaysQueued = true }, // created, still queued, answered too late
                2 => new FakeTwilioApi.Response(0, "") { Cut = true }, // dropped before anything was created
                _ => new FakeTwilioApi.Response(502, "<html>Bad Gateway</html>"), // a proxy's page: nothing created
            },
            _ => FakeTwilioApi.Accept(),
        });
        var environment = RealAccount(database, api.BaseUrl);
        environment["Twilio__MessagesPerSecond"] = "0";
        environment["Twilio__RequestTimeout"] = "00:00:01";
        await using var bot = await BotProcess.ServeAsync(environment);

        var expected = new Dictionary<string, List<string>>();
        var ids = new List<Guid>();
        for (var i = 0; i < Singles + Pairs; i++)
        {
            var phone = $"+45210{i:D5}";
            var texts = i < Singles ? [$"Hej {i}"] : new List<string> { $"Første {i}", $"Anden {i}" };
            expected[phone] = texts;
            foreach (var text in texts)
            {
                ids.Add(await QueueAsync(database, phone, text));
            }
        }

        await Eventually(async () =>
        {
            await using var db = TestDb.Open(database);
            return await db.Messages.CountAsync(m => ids.Contains(m.Id) && m.ProviderMessageId != null) == Total;
        }, "every message was handed to Twilio", seconds: 120);

        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would arrive now
        foreach (var (phone, texts) in expected)
        {
            var created = api.Messages.Where(m => m.To == phone).OrderBy(m => m.DateCreated).Select(m => m.Body).ToList();
            Assert.True(texts.SequenceEqual(created), $"{phone}: Twilio has [{string.Join(", ", created)}]");
        }

        await using (var db = TestDb.Open(database))
        {
            var stored = await db.Messages.Where(m => ids.Contains(m.Id)).Select(m => m.ProviderMessageId!).ToListAsync();
            Assert.Equal(api.Messages.Select(m => m.Sid).Order(), stored.Order());
            Assert.Equal(0, await db.Messages.CountAsync(m => ids.Contains(m.Id) && (m.SendStartedAt != null || m.SendNode != null)));
        }

        Assert.Contains(api.Requests, r => r.Method == "GET"); // the unclear ones were looked up
    }

    [Fact]
    public async Task A_429_with_retry_after_holds_that_sender_and_no_other()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        api.Respond = (_, n) => Task.FromResult(n == 0
            ? FakeTwilioApi.Error(429, 20429, "Too Many Requests") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "4" } }
            : FakeTwilioApi.Accept());
        var environment = RealAccount(database, api.BaseUrl);
        environment["Twilio__MessagesPerSecond"] = "0";
        environment["Twilio__WhatsAppTemplateSid"] = Template;
        await using var bot = await BotProcess.ServeAsync(environment);

        var first = await QueueAsync(database, "+4522000000", "Hej");
        await Eventually(async () => (await MessageAsync(database, first)).Attempts == 1, "the 429 was stored");
        var told = api.Requests[0].ReceivedAt;
        for (var i = 1; i <= 3; i++)
        {
            await QueueAsync(database, $"+452200000{i}", "Hej");
            await QueueAsync(database, $"+452300000{i}", "Hej", Channel.Whatsapp);
        }

        await Eventually(async () =>
        {
            await using var db = TestDb.Open(database);
            return await db.Messages.CountAsync(m => m.ProviderMessageId != null) == 7;
        }, "every message was sent", seconds: 30);

        var sms = api.Posts.Skip(1).Where(p => p.Form["From"] == FromNumber).ToList();
        var whatsApp = api.Posts.Where(p => p.Form["From"] == "whatsapp:" + FromNumber).ToList();
        Assert.Equal((4, 3), (sms.Count, whatsApp.Count)); // the first again, and three more
        // The number waited the 4 seconds Twilio asked for; WhatsApp, another sender, did not wait at all.
        Assert.All(sms, p => Assert.True(p.ReceivedAt >= told.AddSeconds(3.9), $"an SMS went {(p.ReceivedAt - told).TotalSeconds:F1} s after the 429"));
        Assert.All(whatsApp, p => Assert.True(p.ReceivedAt < told.AddSeconds(3.9), $"WhatsApp waited {(p.ReceivedAt - told).TotalSeconds:F1} s"));
    }

    [Fact]
    public async Task A_paced_long_code_does_not_hold_up_whatsapp()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        var environment = RealAccount(database, api.BaseUrl);
        environment["Twilio__MessagesPerSecond"] = "1";
        environment["Twilio__WhatsAppTemplateSid"] = Template;
        await using var bot = await BotProcess.ServeAsync(environment);

        var twoSegments = string.Join(' ', Enumerable.Repeat("Velkommen til mentornetværket.", 7)); // > 160 GSM characters
        for (var i = 0; i < 3; i++)
        {
            await QueueAsync(database, $"+452400000{i}", twoSegments);
            await QueueAsync(database, $"+452500000{i}", "Hej", Channel.Whatsapp);
        }

        await Eventually(async () =>
        {
            await using var db = TestDb.Open(database);
            return await db.Messages.CountAsync(m => m.ProviderMessageId != null) == 6;
        }, "every message was sent", seconds: 30);

        var sms = api.Posts.Where(p => p.Form["From"] == FromNumber).Select(p => p.ReceivedAt).Order().ToList();
        var whatsApp = api.Posts.Where(p => p.Form["From"] == "whatsapp:" + FromNumber).Select(p => p.ReceivedAt).Order().ToList();
        // Two segments a message at one a second: the long code's sends are two seconds apart (a POST arrives at its
        // slot plus some delay: 1 s allowed, the machine is shared)…
        Assert.All(sms.Zip(sms.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1), $"SMS {(pair.Second - pair.First).TotalSeconds:F2} s apart"));
        Assert.True(sms[^1] - sms[0] >= TimeSpan.FromSeconds(3), $"three SMS of two segments in {(sms[^1] - sms[0]).TotalSeconds:F2} s");
        // …and WhatsApp, one a second on its own sender, is done before the long code's last send.
        Assert.True(whatsApp[^1] < sms[^1], $"WhatsApp's last send {(whatsApp[^1] - sms[0]).TotalSeconds:F1} s in, the last SMS {(sms[^1] - sms[0]).TotalSeconds:F1} s in");
    }

    [Fact]
    public async Task An_unreachable_api_is_tried_again_on_a_doubling_schedule_and_never_looked_up()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database)); // nothing listens on its API address

        var id = await QueueAsync(database, "+4526000000", "Hej");
        await Eventually(async () => (await MessageAsync(database, id)).Attempts >= 4, "four attempts were made");

        var message = await MessageAsync(database, id);
        Assert.Equal((DeliveryStatus.Queued, null, null), (message.DeliveryStatus, message.SendStartedAt, message.ProviderMessageId));
        Assert.StartsWith("No answer from Twilio", message.ErrorMessage, StringComparison.Ordinal);
        // 0.2 s, 0.4 s, 0.8 s…: the wait after attempt n is the base delay times 2^(n-1).
        var wait = message.NextAttemptAt!.Value - message.UpdatedAt;
        var expected = TimeSpan.FromSeconds(0.2 * Math.Pow(2, message.Attempts - 1));
        Assert.True(Math.Abs((wait - expected).TotalMilliseconds) < 1, $"waits {wait.TotalSeconds} s after attempt {message.Attempts}, expected {expected.TotalSeconds} s");
    }
}
