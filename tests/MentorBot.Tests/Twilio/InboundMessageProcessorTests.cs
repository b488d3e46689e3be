using MentorBot.Bot.Channels.Twilio;
using MentorBot.Bot.Conversations;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Twilio;

/// <summary>The contract the dialog engine relies on: its replies commit with the inbound message, or nothing does.</summary>
public sealed class InboundMessageProcessorTests(PostgresFixture postgres)
{
    static readonly OptOutKeywords Keywords = OptOutKeywords.Load(Path.Combine(BotProcess.RepositoryRoot, "locales", OptOutKeywords.FileName));
    static readonly HelpKeywordReply Help = new(Conversations.RealDialogTests.RealLibrary, new TwilioOptions());
    static readonly TwilioAddress Amal = new(Channel.Sms, "+4520000001");

    sealed class Replying(string reply, bool failAfterwards = false) : IInboundMessageProcessor
    {
        public List<InboundMessageContext> Calls { get; } = [];

        public Task ProcessAsync(InboundMessageContext context, CancellationToken ct)
        {
            Calls.Add(context);
            context.QueueReply(reply);
            return failAfterwards ? throw new InvalidOperationException("the dialog engine broke") : Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_queued_reply_commits_with_the_inbound_message()
    {
        var database = await postgres.CreateDatabaseAsync();
        var processor = new Replying("Velkommen! Hvilket sprog taler du?");
        await using (var db = TestDb.Open(database))
        {
            var receiver = new InboundMessageReceiver(db, processor, Keywords, Help, TestTelemetry.Metrics, TimeProvider.System, NullLogger<InboundMessageReceiver>.Instance);
            Assert.Equal(InboundOutcome.Stored, await receiver.ReceiveAsync(new InboundSms(Amal, "SM1", "Hej", null), CancellationToken.None));
        }

        var context = Assert.Single(processor.Calls);
        Assert.Equal(("Hej", OptOutChange.None), (context.Message.Text, context.OptOutChange));
        await using var reader = TestDb.Open(database);
        var reply = await reader.Messages.SingleAsync(m => m.Direction == MessageDirection.Outbound);
        var inbound = await reader.Messages.SingleAsync(m => m.Direction == MessageDirection.Inbound);
        Assert.Equal((inbound.ConversationId, inbound.ParticipantId, Channel.Sms, MessageAuthor.Bot, DeliveryStatus.Queued, "da"),
            (reply.ConversationId, reply.ParticipantId, reply.Channel, reply.Author, reply.DeliveryStatus, reply.Language));
    }

    [Fact]
    public async Task When_the_processor_fails_her_message_is_kept_and_nothing_it_did_is()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using (var db = TestDb.Open(database))
        {
            var receiver = new InboundMessageReceiver(db, new Replying("Hej", failAfterwards: true), Keywords, Help, TestTelemetry.Metrics, TimeProvider.System, NullLogger<InboundMessageReceiver>.Instance);
            Assert.Equal(InboundOutcome.Stored, await receiver.ReceiveAsync(new InboundSms(Amal, "SM1", "Hej", null), CancellationToken.None));
        }

        await using var reader = TestDb.Open(database);
        var kept = await reader.Messages.SingleAsync();
        Assert.Equal((MessageDirection.Inbound, "SM1"), (kept.Direction, kept.ProviderMessageId));
        Assert.Equal(1, await reader.Participants.CountAsync());
    }

    [Fact]
    public async Task A_processor_that_saved_its_own_changes_before_failing_is_rolled_back_too()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using (var db = TestDb.Open(database))
        {
            var receiver = new InboundMessageReceiver(db, new SavingThenFailing(), Keywords, Help, TestTelemetry.Metrics, TimeProvider.System, NullLogger<InboundMessageReceiver>.Instance);
            await receiver.ReceiveAsync(new InboundSms(Amal, "SM1", "Hej", null), CancellationToken.None);
        }

        await using var reader = TestDb.Open(database);
        Assert.Equal(1, await reader.Messages.CountAsync());
        Assert.Equal("da", (await reader.Participants.SingleAsync()).PreferredLanguage);
    }

    sealed class SavingThenFailing : IInboundMessageProcessor
    {
        public async Task ProcessAsync(InboundMessageContext context, CancellationToken ct)
        {
            context.Participant.PreferredLanguage = "ar";
            context.QueueReply("مرحبا");
            await context.Db.SaveChangesAsync(ct);
            throw new InvalidOperationException("the dialog engine broke after saving");
        }
    }

    [Fact]
    public async Task Stop_never_reaches_the_processor_and_start_does()
    {
        var database = await postgres.CreateDatabaseAsync();
        var processor = new Replying("Velkommen tilbage");
        await using var db = TestDb.Open(database);
        var receiver = new InboundMessageReceiver(db, processor, Keywords, Help, TestTelemetry.Metrics, TimeProvider.System, NullLogger<InboundMessageReceiver>.Instance);

        await receiver.ReceiveAsync(new InboundSms(Amal, "SM1", "STOP", null), CancellationToken.None);
        Assert.Empty(processor.Calls);
        await receiver.ReceiveAsync(new InboundSms(Amal, "SM2", "START", null), CancellationToken.None);

        Assert.Equal(OptOutChange.OptedIn, Assert.Single(processor.Calls).OptOutChange);
    }
}
