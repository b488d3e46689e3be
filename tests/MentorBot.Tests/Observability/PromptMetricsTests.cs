using MentorBot.Bot.Conversations;
using MentorBot.Bot.Conversations.Actions;
using MentorBot.Bot.Observability;
using MentorBot.Bot.Scheduling;
using MentorBot.Data.Model;
using MentorBot.Data.Telemetry;
using MentorBot.Scheduler.Prompts;
using MentorBot.Tests.Conversations;
using MentorBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Observability;

/// <summary>The real dispatcher on a real database: a prompt held for the night is counted as held, then as dispatched in the morning, its dialog a span.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class PromptMetricsTests(PostgresFixture postgres)
{
    readonly FixedClock _clock = new(DateTimeOffset.Parse("2026-03-11T22:00:00Z")); // 23:00 in Copenhagen

    [Fact]
    public async Task A_prompt_held_for_quiet_hours_is_counted_held_then_dispatched_in_the_morning()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using (var db = TestDb.Open(database))
        {
            var person = new Participant { PreferredLanguage = "en", Status = ParticipantStatus.Active, Phone = "+4530000001", CreatedAt = _clock.Now, UpdatedAt = _clock.Now };
            db.Participants.Add(person);
            db.ScheduledPrompts.Add(new ScheduledPrompt
            {
                ParticipantId = person.Id, Kind = "welcome_back", DialogId = "sample_signup", OccurrenceKey = $"welcome_back:{person.Id}", DueAt = _clock.Now, CreatedAt = _clock.Now,
            });
            await db.SaveChangesAsync();
        }

        await using var telemetry = new InMemoryTelemetry();
        await RunDispatcherAsync(database, telemetry.Metrics);
        _clock.Now = DateTimeOffset.Parse("2026-03-12T08:00:00Z"); // 09:00, when she may be written to again
        await RunDispatcherAsync(database, telemetry.Metrics);
        telemetry.Flush();

        Assert.Equal(1, telemetry.Sum("mentorbot.prompts.held", ("kind", "welcome_back"), ("reason", "quiet_hours")));
        Assert.Equal(1, telemetry.Sum("mentorbot.prompts.dispatched", ("kind", "welcome_back")));
        Assert.Equal(0, telemetry.Sum("mentorbot.prompts.cancelled"));
        Assert.Equal(1, telemetry.Sum("mentorbot.dialog.turns", ("outcome", "prompted"), ("dialog", "sample_signup"), ("channel", "sms")));
        var start = Assert.Single(telemetry.Spans, s => s.Source.Name == MentorBotTelemetry.Name);
        Assert.Equal((DialogTurnTelemetry.StartSpan, "prompted"), (start.OperationName, start.GetTagItem("mentorbot.turn.outcome") as string));
    }

    async Task RunDispatcherAsync(string database, MentorBotMetrics metrics)
    {
        await using var db = TestDb.Open(database);
        var host = new ConversationHost(ConversationHostTests.TestLibrary, new DialogActions([]), new DialogTurnTelemetry(metrics, TimeProvider.System),
            _clock, NullLogger<ConversationHost>.Instance);
        var sender = new DialogPromptSender(host, new ReplyOutbox(ConversationHostTests.TestLibrary), _clock);
        await new PromptDispatcher(db, sender, metrics, _clock, NullLogger<PromptDispatcher>.Instance).DrainAsync(handedOverOnly: false, CancellationToken.None);
    }
}
