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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MentorBot.Tests.Observability;

/// <summary>
/// Listeners for a meter or an activity source are process-wide: with other tests running dialogs in parallel,
/// their turns would land in these exporters too. This collection runs on its own.
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>
/// A conversation over SMS, through the real webhook receiver, dialog host and database, with OpenTelemetry's
/// in-memory exporters: each turn is a span, the turns and inbound messages are counted, a reply the bot did not
/// understand is counted with its language and question kind, its inbound row is marked for the dashboard,
/// and nothing personal (phone number, message text, participant id) is in a span or a tag.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class DialogTurnTelemetryTests(PostgresFixture postgres)
{
    static readonly ActivitySource TestSource = new("MentorBot.Tests.Observability");
    static readonly TwilioAddress Amal = new(Channel.Sms, "+4520000777");

    readonly FixedClock _clock = new(new DateTimeOffset(2026, 3, 11, 8, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_turn_is_a_span_and_a_reply_not_understood_is_counted_with_its_language_and_question_kind()
    {
        var database = await postgres.CreateDatabaseAsync();
        var personId = await SeedArabicSpeakerAsync(database);
        List<Activity> spans = [];
        List<Metric> exported = [];
        await using var services = new ServiceCollection()
            .AddMetrics()
            .AddSingleton<MentorBotMetrics>()
            .AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(MentorBotTelemetry.Name, TestSource.Name).AddInMemoryExporter(spans))
            .WithMetrics(metrics => metrics.AddMeter(MentorBotTelemetry.Name).AddInMemoryExporter(exported))
            .Services.BuildServiceProvider();
        var tracerProvider = services.GetRequiredService<TracerProvider>();
        var meterProvider = services.GetRequiredService<MeterProvider>();
        var metrics = services.GetRequiredService<MentorBotMetrics>();
        var host = new ConversationHost(ConversationHostTests.TestLibrary, new DialogActions([]), new DialogTurnTelemetry(metrics, TimeProvider.System),
            _clock, NullLogger<ConversationHost>.Instance);

        string[] replies = ["مرحبا", "أمل", "٩", "١"]; // hello; her name; 9 of 5 fields (not understood); field 1
        ActivityTraceId trace;
        using (var test = TestSource.StartActivity("conversation"))
        {
            trace = test!.TraceId;
            foreach (var text in replies)
            {
                await using var db = TestDb.Open(database);
                var receiver = new InboundMessageReceiver(db, new DialogInboundProcessor(host, new ReplyOutbox(ConversationHostTests.TestLibrary)),
                    OptOutKeywords.Load(Path.Combine(BotProcess.RepositoryRoot, "locales", OptOutKeywords.FileName)),
                    new HelpKeywordReply(RealDialogTests.RealLibrary, new TwilioOptions()), metrics, _clock, NullLogger<InboundMessageReceiver>.Instance);
                Assert.Equal(InboundOutcome.Stored, await receiver.ReceiveAsync(Amal, TwilioTestEnvironment.NewSid(), text, null, CancellationToken.None));
            }
        }

        tracerProvider.ForceFlush();
        meterProvider.ForceFlush();

        spans.RemoveAll(span => span.TraceId != trace);
        var turns = spans.Where(s => s.Source.Name == MentorBotTelemetry.Name).ToList();
        Assert.Equal(Enumerable.Repeat(DialogTurnTelemetry.ReplySpan, 4), turns.Select(s => s.OperationName));
        Assert.Equal(["dialog_started", "answered", "not_understood", "answered"], turns.Select(s => Tag(s, "mentorbot.turn.outcome")));
        var missed = turns[2];
        Assert.Equal(("sms", "sample_signup", "ask_field", "ask_choice", "ar"), (Tag(missed, "mentorbot.channel"), Tag(missed, "mentorbot.dialog"),
            Tag(missed, "mentorbot.step"), Tag(missed, "mentorbot.question_kind"), Tag(missed, "mentorbot.language")));

        Assert.Equal(4, Sum(exported, "mentorbot.messages.inbound", ("channel", "sms")));
        Assert.Equal(4, Sum(exported, "mentorbot.dialog.turns"));
        Assert.Equal(1, Sum(exported, "mentorbot.dialog.turns", ("outcome", "dialog_started"), ("channel", "sms")));
        Assert.Equal(2, Sum(exported, "mentorbot.dialog.turns", ("outcome", "answered"), ("dialog", "sample_signup")));
        Assert.Equal(1, Sum(exported, "mentorbot.dialog.turns", ("outcome", "not_understood")));
        Assert.Equal(3, Sum(exported, "mentorbot.dialog.question_replies", ("language", "ar")));
        Assert.Equal(1, Sum(exported, "mentorbot.dialog.not_understood"));
        Assert.Equal(1, Sum(exported, "mentorbot.dialog.not_understood", ("language", "ar"), ("question_kind", "ask_choice"), ("dialog", "sample_signup"), ("step", "ask_field")));

        // Nothing personal anywhere: not her number, not what she wrote, not her id.
        var recorded = spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName))
            .Concat(exported.SelectMany(TagsOf))
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

    /// <summary>The sum of a counter's points whose tags include <paramref name="tags"/>.</summary>
    static long Sum(List<Metric> exported, string name, params (string Key, string Value)[] tags)
    {
        var metric = exported.Last(m => m.Name == name);
        long total = 0;
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var pointTags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                pointTags[tag.Key] = tag.Value;
            }

            if (tags.All(wanted => Equals(pointTags.GetValueOrDefault(wanted.Key), wanted.Value)))
            {
                total += point.GetSumLong();
            }
        }

        return total;
    }

    static IEnumerable<string> TagsOf(Metric metric)
    {
        List<string> values = [];
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                values.Add($"{tag.Key}={tag.Value}");
            }
        }

        return values;
    }
}
