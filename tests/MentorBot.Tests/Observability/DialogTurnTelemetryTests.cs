using System.Diagnostics;
using MentorBot.Bot.Channels.Twilio;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Conversations.Actions;
using MentorBot.Bot.Observability;
using MentorBot.Data.Model;
using MentorBot.Data.Telemetry;
using MentorBot.Tests.Conversations;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Observability;

/// <summary>
/// A conversation over SMS, through the real webhook receiver, dialog host and database, with OpenTelemetry's
/// in-memory exporters: each turn is a span, the turns and inbound messages are counted, a reply the bot did not
/// understand is counted with its language and question kind, its inbound row is marked for the dashboard,
/// and nothing personal (phone number, message text, participant id) is in a span or a tag.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class DialogTurnTelemetryTests(PostgresFixture postgres)
{
    static readonly TwilioAddress Amal = new(Channel.Sms, "+4520000777");

    readonly FixedClock _clock = new(new DateTimeOffset(2026, 3, 11, 8, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_turn_is_a_span_and_a_reply_not_understood_is_counted_with_its_language_and_question_kind()
    {
        var database = await postgres.CreateDatabaseAsync();
        var personId = await SeedArabicSpeakerAsync(database);
        await using var telemetry = new InMemoryTelemetry();
        var metrics = telemetry.Metrics;
        var host = new ConversationHost(ConversationHostTests.TestLibrary, new DialogActions([]), new DialogTurnTelemetry(metrics, TimeProvider.System),
            _clock, NullLogger<ConversationHost>.Instance);

        string[] replies = ["مرحبا", "أمل", "٩", "١"]; // hello; her name; 9 of 5 fields (not understood); field 1
        ActivityTraceId trace;
        using (var test = InMemoryTelemetry.Test.StartActivity("conversation"))
        {
            trace = test!.TraceId;
            foreach (var text in replies)
            {
                await using var db = TestDb.Open(database);
                var receiver = new InboundMessageReceiver(db, new DialogInboundProcessor(host, new ReplyOutbox(ConversationHostTests.TestLibrary)),
                    OptOutKeywords.Load(Path.Combine(BotProcess.RepositoryRoot, "locales", OptOutKeywords.FileName)),
                    new HelpKeywordReply(RealDialogTests.RealLibrary, new TwilioOptions()), metrics, _clock, NullLogger<InboundMessageReceiver>.Instance);
                Assert.Equal(InboundOutcome.Stored, await receiver.ReceiveAsync(new InboundSms(Amal, TwilioTestEnvironment.NewSid(), text, null), CancellationToken.None));
            }
        }

        telemetry.Flush();

        var turns = telemetry.Spans.Where(s => s.TraceId == trace && s.Source.Name == MentorBotTelemetry.Name).ToList();
        Assert.Equal(Enumerable.Repeat(DialogTurnTelemetry.ReplySpan, 4), turns.Select(s => s.OperationName));
        Assert.Equal(["dialog_started", "answered", "not_understood", "answered"], turns.Select(s => Tag(s, "mentorbot.turn.outcome")));
        var missed = turns[2];
        Assert.Equal(("sms", "sample_signup", "ask_field", "ask_choice", "ar"), (Tag(missed, "mentorbot.channel"), Tag(missed, "mentorbot.dialog"),
            Tag(missed, "mentorbot.step"), Tag(missed, "mentorbot.question_kind"), Tag(missed, "mentorbot.language")));

        Assert.Equal(4, telemetry.Sum("mentorbot.messages.inbound", ("channel", "sms")));
        Assert.Equal(4, telemetry.Sum("mentorbot.dialog.turns"));
        Assert.Equal(1, telemetry.Sum("mentorbot.dialog.turns", ("outcome", "dialog_started"), ("channel", "sms")));
        Assert.Equal(2, telemetry.Sum("mentorbot.dialog.turns", ("outcome", "answered"), ("dialog", "sample_signup")));
        Assert.Equal(1, telemetry.Sum("mentorbot.dialog.turns", ("outcome", "not_understood")));
        Assert.Equal(3, telemetry.Sum("mentorbot.dialog.question_replies", ("language", "ar")));
        Assert.Equal(1, telemetry.Sum("mentorbot.dialog.not_understood"));
        Assert.Equal(1, telemetry.Sum("mentorbot.dialog.not_understood", ("language", "ar"), ("question_kind", "ask_choice"), ("dialog", "sample_signup"), ("step", "ask_field")));

        // Nothing personal anywhere: not her number, not what she wrote, not her id.
        var recorded = telemetry.Spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName))
            .Concat(telemetry.AllTags())
            .ToList();
        foreach (var secret in replies.Append(Amal.Phone).Append("20000777").Append(personId.ToString()))
        {
            Assert.DoesNotContain(recorded, value => value.Contains(secret, StringComparison.Ordinal));
        }

        // The same figure, durable: her inbound rows say which replies answered a question, and which were not understood.
        await using var check = TestDb.Open(database);
        var inbound = await check.Messages.Where(m => m.Direction == MessageDirection.Inbound).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Text, m.QuestionKind, m.NotUnderstood, m.Language }).ToListAsync();
        (string Text, string? QuestionKind, bool NotUnderstood, string? Language)[] expected =
            [("مرحبا", null, false, null), ("أمل", "ask_text", false, "ar"), ("٩", "ask_choice", true, "ar"), ("١", "ask_choice", false, "ar")];
        Assert.Equal(expected, inbound.Select(m => (m.Text, m.QuestionKind, m.NotUnderstood, m.Language)));
    }

    async Task<Guid> SeedArabicSpeakerAsync(string database)
    {
        await using var db = TestDb.Open(database);
        var person = new Participant { Phone = Amal.Phone, PreferredLanguage = "ar", Status = ParticipantStatus.SigningUp, CreatedAt = _clock.Now, UpdatedAt = _clock.Now };
        db.Participants.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    static string? Tag(Activity span, string key) => span.GetTagItem(key) as string;
}
