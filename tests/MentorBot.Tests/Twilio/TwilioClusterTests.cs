using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>Several nodes on one database: every queued message goes out once, whichever node takes it, at one sender's rate.</summary>
public sealed class TwilioClusterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_nodes_send_each_queued_message_exactly_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        var environment = RealAccount(database, api.BaseUrl);
        await using var first = await BotProcess.ServeAsync(environment);
        await using var second = await BotProcess.ServeAsync(environment);

        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await QueueAsync(database, $"+45200001{i:D2}", $"Besked {i}"));
        }

        await Eventually(async () =>
        {
            await using var db = TestDb.Open(database);
            return await db.Messages.CountAsync(m => ids.Contains(m.Id) && m.ProviderMessageId != null) == ids.Count;
        }, "every message was sent");

        Assert.Equal(ids.Count, api.Requests.Count);
        Assert.Equal(ids.Count, api.Requests.Select(r => r.Form["Body"]).Distinct().Count());
    }

    [Fact]
    public async Task Two_nodes_together_keep_one_senders_rate_in_segments()
    {
        const double rate = 5; // segments a second for the one sender both nodes share
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        var environment = RealAccount(database, api.BaseUrl);
        environment["Twilio__MessagesPerSecond"] = rate.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // One send open per node, so a node holds at most a few claimed: with the default sixteen, the node that claims
        // first can keep the sender's whole lookahead to itself and send all 24 while the other finds it full each time
        // it looks (a CI run saw exactly that), and the test would not show the rate holding across two nodes.
        environment["Twilio__SendsInFlight"] = "1";
        await using var first = await BotProcess.ServeAsync(environment);
        await using var second = await BotProcess.ServeAsync(environment);

        // Every fourth is 80 Arabic letters: UCS-2, so two segments; the rest one GSM-7 segment each.
        var arabic = string.Concat(Enumerable.Repeat("مرحبا ", 14))[..80];
        var segmentsOf = new Dictionary<string, int>();
        var ids = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            var body = i % 4 == 3 ? $"{i:D2}{arabic[2..]}" : $"Besked {i:D2} til Åse";
            segmentsOf[body] = i % 4 == 3 ? 2 : 1;
            ids.Add(await QueueAsync(database, $"+45200002{i:D2}", body));
        }

        await Eventually(async () =>
        {
            await using var db = TestDb.Open(database);
            return await db.Messages.CountAsync(m => ids.Contains(m.Id) && m.ProviderMessageId != null) == ids.Count;
        }, "every message was sent", seconds: 90);

        var sends = api.Posts.OrderBy(r => r.ReceivedAt).Select(r => (At: r.ReceivedAt, Segments: segmentsOf[r.Form["Body"]])).ToList();
        Assert.Equal(ids.Count, sends.Count);
        var total = sends.Sum(s => s.Segments);

        // Slots are reserved back to back from one clock, so the first send's slot to the last's spans all but the
        // last one's segments; a POST arrives at its slot plus some delay, which at most shortens that by the
        // largest delay (1 s allowed here: the machine is shared).
        var span = (sends[^1].At - sends[0].At).TotalSeconds;
        Assert.True(span >= (total - sends[^1].Segments) / rate - 1.0,
            $"{total} segments went out in {span:F2} s; at {rate}/s that takes at least {(total - sends[^1].Segments) / rate:F1} s");

        // And no stretch of 2 s holds more than 2 s of segments, plus the 1 s delay allowance and the one that opens it.
        foreach (var (at, _) in sends)
        {
            var inWindow = sends.Where(s => s.At >= at && s.At < at.AddSeconds(2)).Sum(s => s.Segments);
            Assert.True(inWindow <= rate * (2 + 1.0) + 2, $"{inWindow} segments within 2 s of {at:HH:mm:ss.fff}, at {rate}/s");
        }

        // Both nodes took part: the rate held across them, not within one.
        Assert.Contains("handed to Twilio", first.Output);
        Assert.Contains("handed to Twilio", second.Output);
    }
}
