using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>Several nodes on one database: every queued message goes out once, whichever node takes it.</summary>
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
}
