using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Bot;

/// <summary>
/// Real Hangfire on the real database in two MentorBot processes, sending to a fake Twilio API: 1,000
/// prompts due at once are each delivered exactly once — counted at the API and in the database — also
/// when one node is killed (kill -9) in the middle and the other takes over.
/// </summary>
public sealed class PromptClusterTests(PostgresFixture postgres)
{
    const int Prompts = 1000;

    [Fact]
    public async Task Two_nodes_deliver_a_thousand_prompts_due_at_once_each_exactly_once()
    {
        var (database, phones) = await SeedAsync();
        await using var twilio = FakeTwilioApi.Start();
        var nodes = await Task.WhenAll(BotProcess.ServeAsync(Environment(database, twilio)), BotProcess.ServeAsync(Environment(database, twilio)));
        await using var first = nodes[0];
        await using var second = nodes[1];

        await WaitUntilDeliveredAsync(database, twilio);

        await AssertExactlyOnceAsync(database, twilio, phones);
    }

    [Fact]
    public async Task A_node_killed_in_the_middle_leaves_its_prompts_to_the_other_still_exactly_once()
    {
        var (database, phones) = await SeedAsync();
        await using var twilio = FakeTwilioApi.Start();
        var nodes = await Task.WhenAll(BotProcess.ServeAsync(Environment(database, twilio)), BotProcess.ServeAsync(Environment(database, twilio)));
        await using var victim = nodes[0];
        await using var survivor = nodes[1];

        await TwilioTestEnvironment.Eventually(async () => await SentPromptsAsync(database) >= Prompts / 5, "a fifth of the prompts sent", seconds: 120);
        victim.Signal(BotProcess.SigKill);
        await victim.WaitForExitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await SentPromptsAsync(database) < Prompts, "the kill came too late to test anything: all prompts were already sent");

        await WaitUntilDeliveredAsync(database, twilio);

        await AssertExactlyOnceAsync(database, twilio, phones);
    }

    static Dictionary<string, string?> Environment(string database, FakeTwilioApi twilio)
    {
        var environment = TwilioTestEnvironment.RealAccount(database, twilio.BaseUrl);
        environment["Scheduler__Enabled"] = "true";
        environment["Scheduler__PromptPollInterval"] = "00:00:01";
        environment["Scheduler__CheckinInterval"] = "00:00:01";
        environment["Scheduler__PlanInterval"] = "01:00:00";
        environment["Twilio__MessagesPerSecond"] = "1000";
        return environment;
    }

    async Task<(string Database, List<string> Phones)> SeedAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        return (database, await DuePrompts.SeedAsync(database, Prompts, "cluster-test", "+4531"));
    }

    static async Task WaitUntilDeliveredAsync(string database, FakeTwilioApi twilio)
    {
        await TwilioTestEnvironment.Eventually(async () => await SentPromptsAsync(database) == Prompts, "every prompt sent", seconds: 300);
        await TwilioTestEnvironment.Eventually(async () =>
        {
            await using var db = TestDb.Open(database);
            return !await db.Messages.AnyAsync(m => m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Queued);
        }, "the outbox empty", seconds: 300);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would arrive now
    }

    static async Task<int> SentPromptsAsync(string database)
    {
        await using var db = TestDb.Open(database);
        return await db.ScheduledPrompts.CountAsync(p => p.Status == PromptStatus.Sent);
    }

    static async Task AssertExactlyOnceAsync(string database, FakeTwilioApi twilio, List<string> phones)
    {
        await using var db = TestDb.Open(database);
        var prompts = await db.ScheduledPrompts.AsNoTracking().ToListAsync();
        Assert.All(prompts, p => Assert.Equal((PromptStatus.Sent, 1), (p.Status, p.Attempts)));
        var sessions = await db.DialogSessions.GroupBy(s => s.ParticipantId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Prompts, sessions.Count);
        Assert.All(sessions, count => Assert.Equal(1, count)); // each prompt started its dialog once

        var perPhoneInDb = (await db.Messages.Where(m => m.Direction == MessageDirection.Outbound).Join(db.Participants, m => m.ParticipantId, p => p.Id, (m, p) => p.Phone!).ToListAsync())
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var perPhoneAtTwilio = twilio.Requests.Where(r => r.Method == "POST").GroupBy(r => r.Form["To"]).ToDictionary(g => g.Key, g => g.Count());
        var expected = perPhoneInDb[phones[0]];
        Assert.All(phones, phone =>
        {
            Assert.True(perPhoneInDb.GetValueOrDefault(phone) == expected, $"{phone}: {perPhoneInDb.GetValueOrDefault(phone)} messages queued, expected {expected}");
            Assert.True(perPhoneAtTwilio.GetValueOrDefault(phone) == expected, $"{phone}: {perPhoneAtTwilio.GetValueOrDefault(phone)} messages at Twilio, expected {expected}");
        });
        Assert.Equal(Prompts * expected, twilio.Requests.Count(r => r.Method == "POST"));
    }
}
