using System.Globalization;
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

/// <summary>
/// A match's whole life on a fake clock, with the real dialogs, actions, planner and dispatcher on a
/// real database: the clock jumps from one due prompt to the next (at most a day at a time), the planner
/// and the dispatcher run at every stop, the way the two Hangfire jobs do.
/// </summary>
public sealed class MatchLifeTests(PostgresFixture postgres)
{
    static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    readonly FixedClock _clock = new(DateTimeOffset.Parse("2026-03-02T09:00:00Z")); // Monday 10:00 in Copenhagen

    [Fact]
    public async Task A_match_walks_through_its_whole_life_with_every_prompt_once_and_never_at_night()
    {
        var (database, mentee, mentor) = await AddPairAsync();
        var matchId = await RequestAsync(database, mentee.Person, mentor.Person);

        // The mentor doesn't answer for two days: one reminder (the request itself asks again).
        await RunUntilAsync(database, _clock.Now.AddDays(2).AddHours(1));
        Assert.Equal(1, await SentAsync(database, mentor.Person, PromptKinds.MatchRequestReminder));
        Assert.Contains(await BotTextsAsync(database, mentor.Person), t => t.Contains("still waiting for your answer", StringComparison.Ordinal));
        await mentor.Chat.SayAsync("1"); // yes, gladly
        var started = _clock.Now;

        // A month without a meeting: check-ins every 14 days, one reminder each, then the at-risk flag and a nudge.
        DateTimeOffset? flagged = null;
        await RunUntilAsync(database, started.AddDays(33), async () => flagged ??= await AtRiskAsync(database, matchId) ? _clock.Now : null);
        Assert.NotNull(flagged);
        Assert.InRange(flagged.Value, started.AddDays(30), started.AddDays(31));
        Assert.Equal(2, await SentAsync(database, mentee.Person, PromptKinds.CheckIn));
        Assert.Equal(2, await SentAsync(database, mentee.Person, PromptKinds.CheckInReminder));
        Assert.Equal(1, await SentAsync(database, mentor.Person, PromptKinds.AtRiskNudge));
        Assert.Contains(await BotTextsAsync(database, mentee.Person), t => t.Contains("We have not heard about a meeting with Karen", StringComparison.Ordinal));

        // The mentor reports a meeting today and the next one in five days: flag cleared, report prompts the day after it.
        var nextMeeting = LocalDay(_clock.Now).AddDays(5);
        await mentor.Chat.StartAsync("meeting_report", matchId, eventId: null);
        foreach (var line in new[] { "yes", "1", "1 3", "skip", nextMeeting.ToString("d/M", CultureInfo.InvariantCulture) })
        {
            await mentor.Chat.SayAsync(line);
        }

        Assert.False(await AtRiskAsync(database, matchId));

        // The rest of the year: the report prompt, check-ins again, the planned end, the follow-up survey.
        await RunUntilAsync(database, started.AddMonths(12).AddDays(2));

        await using var db = TestDb.Open(database);
        var prompts = await db.ScheduledPrompts.ToListAsync();
        var sent = prompts.Where(p => p.Status == PromptStatus.Sent).ToList();
        int Count(Participant person, string kind) => sent.Count(p => p.ParticipantId == person.Id && p.Kind == kind);

        foreach (var kind in new[] { PromptKinds.MatchRequest, PromptKinds.MatchRequestReminder, PromptKinds.Introduction, PromptKinds.ReportPrompt, PromptKinds.Closing })
        {
            Assert.True(Count(mentor.Person, kind) == 1, $"mentor: {kind} sent {Count(mentor.Person, kind)} times");
        }

        foreach (var kind in new[] { PromptKinds.Introduction, PromptKinds.StartSurvey, PromptKinds.ReportPrompt, PromptKinds.EndSurvey, PromptKinds.Closing, PromptKinds.FollowUpSurvey })
        {
            Assert.True(Count(mentee.Person, kind) == 1, $"mentee: {kind} sent {Count(mentee.Person, kind)} times");
        }

        Assert.InRange(Count(mentee.Person, PromptKinds.CheckIn), 8, 14); // every 14 days while no meeting date is known
        var reminded = sent.Where(p => p.Kind == PromptKinds.CheckInReminder).Select(p => p.OccurrenceKey.Split(':')[^1]).ToList();
        Assert.Equal(reminded.Distinct().Count(), reminded.Count); // one reminder per check-in
        Assert.All(reminded, id => Assert.Contains(sent, p => p.Id.ToString() == id && p.Kind is PromptKinds.CheckIn or PromptKinds.ReportPrompt));
        Assert.All(sent, p => Assert.Equal(1, p.Attempts));
        Assert.DoesNotContain(prompts, p => p.Status is PromptStatus.Failed or PromptStatus.Scheduled);

        // Never at night, across both clock changes of the year.
        Assert.All(sent, p =>
        {
            var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.SentAt!.Value, Copenhagen).DateTime);
            Assert.True(local >= new TimeOnly(9, 0) && local < new TimeOnly(21, 0), $"{p.Kind} sent at {local} local");
        });

        var match = await db.Matches.Include(m => m.History).SingleAsync();
        Assert.Equal((MatchStatus.Ended, "planned_end"), (match.Status, match.EndReason));
        var endedAt = match.EndedAt!.Value;
        Assert.All(sent.Where(p => p.SentAt > endedAt), p => Assert.True(PromptKinds.OutlivesMatch(p.Kind), $"{p.Kind} after the end"));
        Assert.Contains(await BotTextsAsync(database, mentor.Person), t => t.Contains("has reached its planned end", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unanswered_request_is_reminded_once_then_expires_and_the_mentee_gets_new_suggestions()
    {
        var (database, mentee, mentor) = await AddPairAsync();
        var matchId = await RequestAsync(database, mentee.Person, mentor.Person);

        await RunUntilAsync(database, _clock.Now.AddDays(6));

        await using var db = TestDb.Open(database);
        var match = await db.Matches.Include(m => m.History).SingleAsync();
        Assert.Equal(MatchStatus.Expired, match.Status);
        Assert.Contains(match.History, h => h.ToStatus == MatchStatus.Expired && h.ChangedBy == ActorKind.System && h.Reason == "no_answer");
        Assert.Equal(1, await SentAsync(database, mentor.Person, PromptKinds.MatchRequestReminder));
        Assert.Equal(1, await SentAsync(database, mentee.Person, PromptKinds.MatchExpired));
        var toMentee = await BotTextsAsync(database, mentee.Person);
        Assert.Contains(toMentee, t => t.StartsWith("Karen cannot be your mentor this time. That happens, and it is nobody's fault.", StringComparison.Ordinal));
        Assert.Contains(await db.DialogSessions.Where(s => s.ParticipantId == mentee.Person.Id).Select(s => s.DialogId).ToListAsync(), d => d == "match_suggestions");
        Assert.Empty(await db.ScheduledPrompts.Where(p => p.MatchId == matchId && (p.Status == PromptStatus.Scheduled || p.Status == PromptStatus.Deferred)).ToListAsync());
    }

    [Fact]
    public async Task A_declined_request_reaches_the_mentee_kindly_without_the_reason_and_she_gets_new_suggestions()
    {
        var (database, mentee, mentor) = await AddPairAsync();
        var matchId = await RequestAsync(database, mentee.Person, mentor.Person);
        await RunUntilAsync(database, _clock.Now.AddHours(1));
        await mentor.Chat.SayAsync("2"); // no, not this time
        await mentor.Chat.SayAsync("I am moving to Aarhus");

        await RunUntilAsync(database, _clock.Now.AddHours(1));

        Assert.Equal(1, await SentAsync(database, mentee.Person, PromptKinds.MatchDeclined));
        var toMentee = await BotTextsAsync(database, mentee.Person);
        Assert.Equal("Karen cannot be your mentor this time. That happens, and it is nobody's fault. Let us find another mentor for you.", toMentee[0]);
        Assert.DoesNotContain(toMentee, t => t.Contains("Aarhus", StringComparison.Ordinal));
        await using var db = TestDb.Open(database);
        var match = await db.Matches.SingleAsync(m => m.Id == matchId);
        Assert.Equal((MatchStatus.Declined, "I am moving to Aarhus"), (match.Status, match.DeclineReason)); // her reason stays with the coordinators
        Assert.Contains(await db.DialogSessions.Where(s => s.ParticipantId == mentee.Person.Id).Select(s => s.DialogId).ToListAsync(), d => d == "match_suggestions");
    }

    [Fact]
    public async Task A_match_ended_early_cancels_its_check_ins_and_an_erased_person_gets_nothing_more()
    {
        var (database, mentee, mentor) = await AddPairAsync();
        await RequestAsync(database, mentee.Person, mentor.Person);
        await RunUntilAsync(database, _clock.Now.AddHours(1));
        await mentor.Chat.SayAsync("1");
        await RunUntilAsync(database, _clock.Now.AddDays(1));

        var endedAt = _clock.Now;
        await using (var db = TestDb.Open(database))
        {
            var match = await db.Matches.SingleAsync();
            match.Status = MatchStatus.Ended;
            match.EndedAt = endedAt;
            (await db.Participants.SingleAsync(p => p.Id == mentee.Person.Id)).Status = ParticipantStatus.Erased;
            await db.SaveChangesAsync();
        }

        await RunUntilAsync(database, _clock.Now.AddMonths(13));

        await using var check = TestDb.Open(database);
        // She got her introduction and start survey on the first day, nothing after she was erased.
        Assert.Empty(await check.ScheduledPrompts.Where(p => p.Status == PromptStatus.Sent && p.ParticipantId == mentee.Person.Id
            && p.Kind != PromptKinds.Introduction && p.Kind != PromptKinds.StartSurvey).ToListAsync());
        var cancelled = await check.ScheduledPrompts.Where(p => p.Status == PromptStatus.Cancelled).ToListAsync();
        Assert.Contains(cancelled, p => p.Kind == PromptKinds.CheckIn && p.ParticipantId == mentor.Person.Id && p.LastError == "match_over");
        Assert.Contains(cancelled, p => p.Kind == PromptKinds.EndSurvey && p.LastError == "erased");
        Assert.Equal(1, await SentAsync(database, mentor.Person, PromptKinds.Closing)); // the closing message still reaches the mentor…
        var closing = await check.ScheduledPrompts.SingleAsync(p => p.Kind == PromptKinds.Closing && p.ParticipantId == mentor.Person.Id);
        Assert.True(closing.SentAt < endedAt.AddDays(2), $"…at the match's real end, not its planned end (sent {closing.SentAt:u}, ended {endedAt:u})");
    }

    /// <summary>
    /// The mentor says yes while a planner pass sits between its reads of the matches. Her answer waits for the pass,
    /// then starts the match at her answer. Without the pass's lock, her yes went through at once, and the pass went on
    /// with the match as it had read it (a request, not started): it set the start back to the request's time and the
    /// planned end with it, and so brought the at-risk flag and the end forward.
    /// </summary>
    [Fact]
    public async Task A_yes_that_arrives_during_a_planner_pass_waits_for_it_and_starts_the_match_at_the_answer()
    {
        var (database, mentee, mentor) = await AddPairAsync();
        var matchId = await RequestAsync(database, mentee.Person, mentor.Person);
        await RunUntilAsync(database, _clock.Now.AddHours(1)); // the request reaches him
        _clock.Now = _clock.Now.AddDays(1);
        var answeredAt = _clock.Now;

        var pause = new PauseAfterRead("FROM matches");
        var planning = Task.Run(async () =>
        {
            await using var db = TestDb.Open(database, pause);
            await new MatchLifePlanner(db, _clock).PlanAsync(CancellationToken.None);
        });
        await pause.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var answering = Task.Run(() => mentor.Chat.SayAsync("1"));
        await TwilioTestEnvironment.Eventually(async () => answering.IsCompleted
            || await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0,
            "the yes went through or waited for the pass");
        pause.Release();
        await Task.WhenAll(planning, answering);

        await using var check = TestDb.Open(database);
        var match = await check.Matches.Include(m => m.History).SingleAsync(m => m.Id == matchId);
        Assert.Equal(MatchStatus.Active, match.Status);
        Assert.Equal(answeredAt, match.StartedAt);
        Assert.Equal(answeredAt.AddMonths(new BranchSettings().PlannedMatchMonths), match.PlannedEndAt); // the branch keeps the default
        Assert.Single(match.History, h => h.ToStatus == MatchStatus.Active);
    }

    // --- the world the tests run in ---

    sealed record Side(Participant Person, ConversationHostTests.Chat Chat);

    async Task<(string Database, Side Mentee, Side Mentor)> AddPairAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var db = TestDb.Open(database);
        var branch = await db.Branches.SingleAsync(b => b.Code == "copenhagen");
        Side Add(string name, ParticipantRole role, string phone)
        {
            var person = new Participant
            {
                DisplayName = name, Role = role, BranchId = branch.Id, PreferredLanguage = "en", Status = ParticipantStatus.Active, Phone = phone,
                CreatedAt = _clock.Now, UpdatedAt = _clock.Now,
            };
            var conversation = new Conversation { ParticipantId = person.Id, Channel = Channel.Sms, ChannelConversationId = phone, StartedAt = _clock.Now, LastActivityAt = _clock.Now };
            db.AddRange(person, conversation);
            return new Side(person, new ConversationHostTests.Chat(database, person.Id, conversation.Id, _clock, RealDialogTests.RealLibrary, DialogActions.All()));
        }

        var mentee = Add("Amal", ParticipantRole.Mentee, "+4520000001");
        var mentor = Add("Karen", ParticipantRole.Mentor, "+4520000002");
        await db.SaveChangesAsync();
        return (database, mentee, mentor);
    }

    /// <summary>What SendMatchRequest leaves behind when the mentee picks her mentor.</summary>
    async Task<Guid> RequestAsync(string database, Participant mentee, Participant mentor)
    {
        await using var db = TestDb.Open(database);
        var match = new Match { BranchId = mentee.BranchId!.Value, MenteeId = mentee.Id, MentorId = mentor.Id, RequestedAt = _clock.Now };
        match.History.Add(new MatchStatusChange { ToStatus = MatchStatus.Requested, ChangedBy = ActorKind.Participant, ActorId = mentee.Id, ChangedAt = _clock.Now });
        db.Matches.Add(match);
        db.ScheduledPrompts.Add(new ScheduledPrompt
        {
            ParticipantId = mentor.Id, MatchId = match.Id, Kind = PromptKinds.MatchRequest, DialogId = "match_request",
            OccurrenceKey = $"match_request:{match.Id}", DueAt = _clock.Now, CreatedAt = _clock.Now,
        });
        await db.SaveChangesAsync();
        return match.Id;
    }

    /// <summary>Moves the clock from one due prompt to the next (at most a day at a time), planning and dispatching at every stop.</summary>
    async Task RunUntilAsync(string database, DateTimeOffset end, Func<Task>? atEveryStop = null)
    {
        while (true)
        {
            await using (var db = TestDb.Open(database))
            {
                await new MatchLifePlanner(db, _clock).PlanAsync(CancellationToken.None);
            }

            await using (var db = TestDb.Open(database))
            {
                var host = new ConversationHost(RealDialogTests.RealLibrary, DialogActions.All(), TestTelemetry.Turns, _clock, NullLogger<ConversationHost>.Instance);
                var sender = new DialogPromptSender(host, new ReplyOutbox(RealDialogTests.RealLibrary), _clock);
                await new PromptDispatcher(db, sender, TestTelemetry.Metrics, _clock, NullLogger<PromptDispatcher>.Instance).DrainAsync(handedOverOnly: false, CancellationToken.None);
            }

            if (atEveryStop is not null)
            {
                await atEveryStop();
            }

            if (_clock.Now >= end)
            {
                return;
            }

            await using var read = TestDb.Open(database);
            var now = _clock.Now;
            var next = await read.ScheduledPrompts.Where(p => (p.Status == PromptStatus.Scheduled || p.Status == PromptStatus.Deferred) && p.DueAt > now)
                .MinAsync(p => (DateTimeOffset?)p.DueAt);
            var step = new[] { next ?? end, now.AddDays(1), end }.Min();
            _clock.Now = step > now ? step : now.AddMinutes(1);
        }
    }

    static async Task<int> SentAsync(string database, Participant person, string kind)
    {
        await using var db = TestDb.Open(database);
        return await db.ScheduledPrompts.CountAsync(p => p.ParticipantId == person.Id && p.Kind == kind && p.Status == PromptStatus.Sent);
    }

    static async Task<List<string>> BotTextsAsync(string database, Participant person)
    {
        await using var db = TestDb.Open(database);
        return await db.Messages.Where(m => m.ParticipantId == person.Id && m.Direction == MessageDirection.Outbound).OrderBy(m => m.CreatedAt).Select(m => m.Text).ToListAsync();
    }

    static async Task<bool> AtRiskAsync(string database, Guid matchId)
    {
        await using var db = TestDb.Open(database);
        return await db.Matches.Where(m => m.Id == matchId).Select(m => m.AtRisk).SingleAsync();
    }

    static DateOnly LocalDay(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Copenhagen).DateTime);
}
