using MentorBot.Bot.Conversations;
using MentorBot.Bot.Conversations.Actions;
using MentorBot.Bot.Scheduling;
using MentorBot.Data.Model;
using MentorBot.Scheduler.Prompts;
using MentorBot.Tests.Conversations;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Scheduling;

/// <summary>The dispatcher on a real database with the real host: rules applied, each occurrence sent once, even by dispatchers racing.</summary>
public sealed class PromptDispatchTests(PostgresFixture postgres)
{
    readonly FixedClock _clock = new(DateTimeOffset.Parse("2026-03-11T09:00:00Z")); // 10:00 in Copenhagen

    [Fact]
    public async Task A_due_prompt_starts_its_dialog_and_queues_the_replies_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        var person = await AddPeopleAsync(database, 1);
        await AddPromptsAsync(database, person, dueAt: _clock.Now.AddMinutes(-1));

        await RunDispatcherAsync(database);
        await RunDispatcherAsync(database);

        await using var db = TestDb.Open(database);
        var prompt = await db.ScheduledPrompts.SingleAsync();
        Assert.Equal((PromptStatus.Sent, 1), (prompt.Status, prompt.Attempts));
        var queued = await db.Messages.Where(m => m.Direction == MessageDirection.Outbound).OrderBy(m => m.CreatedAt).Select(m => m.Text).ToListAsync();
        Assert.Equal(["Welcome to the Mentor Network! I will ask you a few short questions so we can find a mentor for you.", "What is your first name?"], queued);
        Assert.All(await db.Messages.ToListAsync(), m => Assert.Equal((Channel.Sms, DeliveryStatus.Queued), (m.Channel, m.DeliveryStatus)));
    }

    [Fact]
    public async Task A_prompt_due_at_night_waits_for_the_morning()
    {
        var database = await postgres.CreateDatabaseAsync();
        _clock.Now = DateTimeOffset.Parse("2026-03-11T22:00:00Z"); // 23:00 in Copenhagen
        var person = await AddPeopleAsync(database, 1);
        await AddPromptsAsync(database, person, dueAt: _clock.Now);

        await RunDispatcherAsync(database);

        await using var db = TestDb.Open(database);
        var prompt = await db.ScheduledPrompts.SingleAsync();
        Assert.Equal((PromptStatus.Deferred, DateTimeOffset.Parse("2026-03-12T08:00:00Z"), "quiet_hours"), (prompt.Status, prompt.DueAt, prompt.LastError));
        Assert.Empty(await db.Messages.ToListAsync());
    }

    [Fact]
    public async Task Dispatchers_racing_over_many_due_prompts_send_each_exactly_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        var people = await AddPeopleAsync(database, 200);
        await AddPromptsAsync(database, people, dueAt: _clock.Now.AddMinutes(-5));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunDispatcherAsync(database))));

        await using var db = TestDb.Open(database);
        Assert.Equal(200, await db.ScheduledPrompts.CountAsync(p => p.Status == PromptStatus.Sent && p.Attempts == 1));
        var perPerson = await db.Messages.GroupBy(m => m.ParticipantId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(200, perPerson.Count);
        Assert.All(perPerson, count => Assert.Equal(2, count)); // welcome + first question, once each
    }

    async Task RunDispatcherAsync(string database)
    {
        await using var db = TestDb.Open(database);
        var host = new ConversationHost(ConversationHostTests.TestLibrary, new DialogActions([]), TestTelemetry.Turns, _clock, NullLogger<ConversationHost>.Instance);
        var sender = new DialogPromptSender(host, new ReplyOutbox(ConversationHostTests.TestLibrary), _clock);
        var dispatcher = new PromptDispatcher(db, sender, TestTelemetry.Metrics, _clock, NullLogger<PromptDispatcher>.Instance);
        await dispatcher.DrainAsync(handedOverOnly: false, CancellationToken.None);
    }

    [Fact]
    public async Task Her_second_due_prompt_is_decided_after_her_first_started_its_dialog_not_beside_it()
    {
        var database = await postgres.CreateDatabaseAsync();
        var person = (await AddPeopleAsync(database, 1)).Single();
        await using (var setup = TestDb.Open(database))
        {
            // Two prompts of hers due at once, in one batch: the second must see the dialog the first started.
            setup.ScheduledPrompts.AddRange(
                new ScheduledPrompt { ParticipantId = person.Id, Kind = "welcome_back", DialogId = "sample_signup", OccurrenceKey = $"first:{person.Id}", DueAt = _clock.Now.AddMinutes(-2), CreatedAt = _clock.Now },
                new ScheduledPrompt { ParticipantId = person.Id, Kind = "welcome_back", DialogId = "kind_ask_text", OccurrenceKey = $"second:{person.Id}", DueAt = _clock.Now.AddMinutes(-1), CreatedAt = _clock.Now });
            await setup.SaveChangesAsync();
        }

        await RunDispatcherAsync(database);

        await using var db = TestDb.Open(database);
        var prompts = await db.ScheduledPrompts.OrderBy(p => p.OccurrenceKey).Select(p => new { p.OccurrenceKey, p.Status, p.LastError }).ToListAsync();
        Assert.Equal((PromptStatus.Sent, (string?)null), (prompts.Single(p => p.OccurrenceKey.StartsWith("first", StringComparison.Ordinal)).Status, prompts.Single(p => p.OccurrenceKey.StartsWith("first", StringComparison.Ordinal)).LastError));
        Assert.Equal((PromptStatus.Deferred, "in_another_dialog"), (prompts.Single(p => p.OccurrenceKey.StartsWith("second", StringComparison.Ordinal)).Status, prompts.Single(p => p.OccurrenceKey.StartsWith("second", StringComparison.Ordinal)).LastError));
    }

    [Fact]
    public async Task A_prompt_that_fails_in_a_batch_is_recorded_alone_and_the_others_are_sent_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        var people = await AddPeopleAsync(database, 30);
        await AddPromptsAsync(database, people, dueAt: _clock.Now.AddMinutes(-5));
        var failing = people[17].Id;

        await using (var db = TestDb.Open(database))
        {
            var host = new ConversationHost(ConversationHostTests.TestLibrary, new DialogActions([]), TestTelemetry.Turns, _clock, NullLogger<ConversationHost>.Instance);
            var sender = new FailingFor(failing, new DialogPromptSender(host, new ReplyOutbox(ConversationHostTests.TestLibrary), _clock));
            await new PromptDispatcher(db, sender, TestTelemetry.Metrics, _clock, NullLogger<PromptDispatcher>.Instance).DrainAsync(handedOverOnly: false, CancellationToken.None);
        }

        await using var check = TestDb.Open(database);
        var prompts = await check.ScheduledPrompts.ToListAsync();
        var failed = prompts.Single(p => p.ParticipantId == failing);
        Assert.Equal((PromptStatus.Deferred, 1, "InvalidOperationException"), (failed.Status, failed.Attempts, failed.LastError));
        Assert.All(prompts.Where(p => p.ParticipantId != failing), p => Assert.Equal((PromptStatus.Sent, 1), (p.Status, p.Attempts)));
        var perPerson = await check.Messages.GroupBy(m => m.ParticipantId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(29, perPerson.Count); // nothing queued for her: her batch's first try was rolled back
        Assert.All(perPerson, p => Assert.Equal(2, p.Count));
    }

    /// <summary>The real sender, except that starting her dialog throws.</summary>
    sealed class FailingFor(Guid participantId, IPromptSender inner) : IPromptSender
    {
        public Task SendAsync(MentorBot.Data.MentorBotDb db, ScheduledPrompt prompt, Participant person, CancellationToken cancellationToken) =>
            person.Id == participantId ? throw new InvalidOperationException("her channel is broken") : inner.SendAsync(db, prompt, person, cancellationToken);
    }

    async Task<List<Participant>> AddPeopleAsync(string database, int count)
    {
        await using var db = TestDb.Open(database);
        var people = Enumerable.Range(0, count).Select(i => new Participant
        {
            PreferredLanguage = "en", Status = ParticipantStatus.Active, Phone = $"+4530{i:D6}", CreatedAt = _clock.Now, UpdatedAt = _clock.Now,
        }).ToList();
        db.Participants.AddRange(people);
        await db.SaveChangesAsync();
        return people;
    }

    async Task AddPromptsAsync(string database, IEnumerable<Participant> people, DateTimeOffset dueAt)
    {
        await using var db = TestDb.Open(database);
        db.ScheduledPrompts.AddRange(people.Select(p => new ScheduledPrompt
        {
            ParticipantId = p.Id, Kind = "welcome_back", DialogId = "sample_signup", OccurrenceKey = $"welcome_back:{p.Id}", DueAt = dueAt, CreatedAt = _clock.Now,
        }));
        await db.SaveChangesAsync();
    }

}
