using MentorBot.Bot.Channels.Twilio.Outbox;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Data.Model;
using MentorBot.Tests.Conversations;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>No body over 1,600 characters reaches Twilio: a long bot text goes as several messages, a long row is failed unsent.</summary>
public sealed class OutboundBodyLimitTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_3500_character_bot_text_is_sent_as_parts_of_at_most_1600_between_words_in_order_each_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database, api.BaseUrl));

        // A summary of long answers: 50 lines of 69 characters, words of every length, an emoji in each line.
        var summary = string.Join('\n', Enumerable.Range(1, 50).Select(line => $"Line {line:00}: mentor in engineering 👩‍🔧 and in teaching, Aarhus and Odense"));
        var reply = new ConversationReply([new OutboundMessage("en", "signup.summary", new Dictionary<string, string> { ["summary"] = summary }, [])]);
        List<Message> queued;
        await using (var db = TestDb.Open(database))
        {
            var now = DateTimeOffset.UtcNow;
            var participant = new Participant { Phone = "+4520000031", PreferredLanguage = "en", CreatedAt = now, UpdatedAt = now };
            var conversation = new Conversation { ParticipantId = participant.Id, Channel = Channel.Sms, ChannelConversationId = "+4520000031", StartedAt = now, LastActivityAt = now };
            db.Participants.Add(participant);
            db.Conversations.Add(conversation);
            queued = [.. new ReplyOutbox(RealDialogTests.RealLibrary).Add(db, conversation, participant, reply, now)];
            await db.SaveChangesAsync();
        }

        var text = "This is what you told us:\n" + summary;
        Assert.InRange(text.Length, 3500, 3700);
        Assert.Equal(3, queued.Count);
        await Eventually(async () =>
        {
            await using var db = TestDb.Open(database);
            return await db.Messages.CountAsync(m => m.ProviderMessageId != null) == 3;
        }, "all three parts were handed to Twilio");

        var bodies = api.Posts.Select(post => post.Form["Body"]).ToList();
        Assert.Equal(queued.Select(message => message.Text), bodies); // each once, in order
        Assert.All(bodies, body => Assert.InRange(body.Length, 1, OutboundBody.MaxLength));
        Assert.Equal(text, string.Join('\n', bodies)); // cut at line breaks: nothing but the break is lost
        Assert.All(bodies.Skip(1), body => Assert.StartsWith("Line ", body));
    }

    [Fact]
    public async Task A_row_over_1600_characters_is_failed_before_pacing_and_never_posted()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var api = FakeTwilioApi.Start();
        await using var bot = await BotProcess.ServeAsync(RealAccount(database, api.BaseUrl));

        var tooLong = await QueueAsync(database, "+4520000032", new string('a', OutboundBody.MaxLength + 1));
        var next = await QueueAsync(database, "+4520000032", "Hej igen");
        await Eventually(async () => (await MessageAsync(database, next)).ProviderMessageId is not null, "the next message was sent");

        var failed = await MessageAsync(database, tooLong);
        Assert.Equal((DeliveryStatus.Failed, "body_too_long", null, 0, null), (failed.DeliveryStatus, failed.ErrorMessage, failed.ErrorCode, failed.Attempts, failed.ProviderMessageId));
        Assert.Equal(["Hej igen"], api.Posts.Select(post => post.Form["Body"]));
        Assert.DoesNotContain(new string('a', 100), bot.Output);
    }
}
