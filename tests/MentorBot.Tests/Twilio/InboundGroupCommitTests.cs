using MentorBot.Bot.Channels.Twilio;
using MentorBot.Bot.Conversations;
using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Twilio;

/// <summary>
/// Webhooks that arrive together are stored in one transaction, and a batch that fails is stored one message at a time
/// with the single path's guarantees: every message kept, each answered once, a failing dialog costing only its own reply.
/// </summary>
public sealed class InboundGroupCommitTests(PostgresFixture postgres)
{
    static readonly OptOutKeywords Keywords = OptOutKeywords.Load(Path.Combine(BotProcess.RepositoryRoot, "locales", OptOutKeywords.FileName));
    static readonly HelpKeywordReply Help = new(Conversations.RealDialogTests.RealLibrary, new TwilioOptions());

    /// <summary>Answers "ok" to everyone, and fails on a message that says "boom".</summary>
    sealed class Answering : IInboundMessageProcessor
    {
        public Task ProcessAsync(InboundMessageContext context, CancellationToken ct)
        {
            context.QueueReply("ok");
            return context.Message.Text == "boom" ? throw new InvalidOperationException("the dialog engine broke") : Task.CompletedTask;
        }
    }

    static InboundSms From(int person, string body, string? sid = null) =>
        new(new TwilioAddress(Channel.Sms, $"+45200000{person:D2}"), sid ?? $"SM{person:D2}{body}", body, null);

    /// <summary>Messages queued before the writers start: the first batch takes them all, as a burst on a busy node does.</summary>
    static async Task<InboundOutcome[]> StoreTogetherAsync(string database, params InboundSms[] messages)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => TestDb.Open(database));
        services.AddSingleton<IInboundMessageProcessor, Answering>();
        services.AddSingleton(Keywords);
        services.AddSingleton(Help);
        services.AddSingleton(TestTelemetry.Metrics);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<InboundMessageReceiver>();
        await using var provider = services.BuildServiceProvider();
        var inbound = new InboundGroupCommit(provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<InboundGroupCommit>.Instance);
        var stored = messages.Select(inbound.ReceiveAsync).ToList();
        await inbound.StartAsync(CancellationToken.None);
        try
        {
            return await Task.WhenAll(stored).WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await inbound.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Messages_that_arrive_together_are_stored_in_one_transaction()
    {
        var database = await postgres.CreateDatabaseAsync();
        var outcomes = await StoreTogetherAsync(database, [.. Enumerable.Range(1, 10).Select(i => From(i, "Hej"))]);

        Assert.All(outcomes, o => Assert.Equal(InboundOutcome.Stored, o));
        await using var db = TestDb.Open(database);
        Assert.Equal(10, await db.Participants.CountAsync());
        Assert.Equal(10, await db.Messages.CountAsync(m => m.Direction == MessageDirection.Outbound));
        // Rows written by one transaction carry its id in xmin.
        var transactions = await db.Database.SqlQuery<int>($"SELECT count(DISTINCT xmin::text)::int AS \"Value\" FROM messages").SingleAsync();
        Assert.Equal(1, transactions);
    }

    [Fact]
    public async Task A_batch_with_a_failing_dialog_and_a_retried_message_keeps_every_message_and_answers_each_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        var retried = From(9, "Hej", sid: "SM-retried");
        Assert.Equal(InboundOutcome.Stored, Assert.Single(await StoreTogetherAsync(database, retried)));

        var outcomes = await StoreTogetherAsync(database,
            From(1, "Hej"), From(2, "boom"), retried, From(3, "Hej"),
            From(1, "igen")); // her second message: after her first, in order

        Assert.Equal([InboundOutcome.Stored, InboundOutcome.Stored, InboundOutcome.Duplicate, InboundOutcome.Stored, InboundOutcome.Stored], outcomes);
        await using var db = TestDb.Open(database);
        var inbound = await db.Messages.Where(m => m.Direction == MessageDirection.Inbound).OrderBy(m => m.CreatedAt).Select(m => m.Text).ToListAsync();
        Assert.Equal(5, inbound.Count); // the retried one once
        Assert.True(inbound.IndexOf("Hej") < inbound.IndexOf("igen"));
        var replies = await db.Messages.Where(m => m.Direction == MessageDirection.Outbound)
            .Join(db.Participants, m => m.ParticipantId, p => p.Id, (m, p) => p.Phone!)
            .GroupBy(phone => phone).ToDictionaryAsync(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["+4520000001"] = 2, ["+4520000003"] = 1, ["+4520000009"] = 1 }, replies); // none for "boom"
        Assert.Equal(1, await db.Messages.CountAsync(m => m.Text == "boom"));
    }
}
