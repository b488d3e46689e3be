using System.Globalization;
using System.Net.Http.Json;
using MentorBot.Bot.Testing;
using MentorBot.Data.Model;
using MentorBot.Scheduler.Prompts;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Scheduling;

/// <summary>
/// Issue #6's "done when", over the real app process: MentorBot on its embedded defaults' channel (the built-in
/// SMS simulator), its own Hangfire server on a real database, and the test clock
/// (<c>TestClock__Enabled</c>). A match is requested on a Monday evening and walks its whole life while the
/// test moves the app's clock from one due prompt to the next and answers by SMS through the test phone: the
/// request and its reminder, the start survey and introductions, check-ins and their reminders, the at-risk
/// flag and nudges, a report with a next meeting and its report prompts, the planned end (in summer time, at
/// night: it waits for the morning) and the follow-up six months later. Each prompt reaches each phone once
/// per occurrence, and nothing leaves between 21:00 and 09:00 Copenhagen time on the app's clock.
/// </summary>
public sealed class MatchLifeOverHttpTests(PostgresFixture postgres)
{
    static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>Monday 2 March 2026, 20:30 in Copenhagen: the planned end six months later is 21:30 summer time, at night.</summary>
    static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-02T19:30:00Z", CultureInfo.InvariantCulture);

    const string MenteePhone = "+4520123501"; // valid numbers: the test phone refuses others
    const string MentorPhone = "+4520123502";

    sealed record Reading(DateTimeOffset Now, string Offset);

    sealed record PhoneMessage(string Sid, string Direction, string Body, string Status, DateTimeOffset At);

    [Fact]
    public async Task A_match_walks_through_its_whole_life_in_the_running_app_with_every_prompt_once_and_never_at_night()
    {
        var database = await postgres.CreateDatabaseAsync();
        var (menteeId, mentorId, matchId) = await SeedRequestedMatchAsync(database);
        await using var bot = await BotProcess.ServeAsync(Environment(database));
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        http.DefaultRequestHeaders.Add(TestClockAccessOptions.Header, ClockSecret);
        var walk = new Walk(http, database);

        // The request goes out; the mentor is reminded after two days and then accepts by SMS.
        await walk.SettleAsync();
        await walk.RunUntilAsync(Start.AddDays(2).AddHours(1), stop: () => walk.SentAsync(mentorId, PromptKinds.MatchRequestReminder).ContinueWith(t => t.Result == 1));
        await walk.SayAsync(MentorPhone, "1");
        Assert.Equal(MatchStatus.Active, await walk.ScalarAsync(db => db.Matches.Where(m => m.Id == matchId).Select(m => m.Status).SingleAsync()));
        var started = await walk.NowAsync();

        // A month without a meeting: check-ins every 14 days (after the change to summer time they fall at 21:30 and
        // wait for the morning), one reminder each, then the at-risk flag and a nudge to both.
        await walk.SettleAsync();
        await walk.RunUntilAsync(started.AddDays(60), stop: async () =>
            await walk.ScalarAsync(db => db.Matches.Where(m => m.Id == matchId).Select(m => m.AtRisk).SingleAsync())
            && await walk.SentAsync(mentorId, PromptKinds.AtRiskNudge) == 1 && await walk.SentAsync(menteeId, PromptKinds.AtRiskNudge) == 1);
        var flaggedAt = await walk.NowAsync();
        Assert.InRange(flaggedAt, started.AddDays(30), started.AddDays(33));

        // At the next check-in the mentor reports a meeting today and the next one in five days, by SMS.
        await walk.RunUntilAsync(started.AddDays(60), stop: async () => await walk.SentAsync(mentorId, PromptKinds.CheckIn) == 3);
        var nextMeeting = LocalDay(await walk.NowAsync()).AddDays(5);
        foreach (var line in new[] { "yes", "1", "1 3", "skip", nextMeeting.ToString("d/M", CultureInfo.InvariantCulture) })
        {
            await walk.SayAsync(MentorPhone, line);
        }

        Assert.False(await walk.ScalarAsync(db => db.Matches.Where(m => m.Id == matchId).Select(m => m.AtRisk).SingleAsync()));

        // The day after the meeting, report prompts to both: the mentee answers hers (they did not meet), the mentor
        // leaves his and is reminded once.
        await walk.SettleAsync();
        await walk.RunUntilAsync(started.AddDays(90), stop: async () => await walk.SentAsync(menteeId, PromptKinds.ReportPrompt) == 1);
        await walk.SayAsync(MenteePhone, "no");
        await walk.SayAsync(MenteePhone, "skip");

        // The rest: check-ins again, the planned end with the end survey and closing, the follow-up survey.
        await walk.SettleAsync();
        await walk.RunUntilAsync(started.AddMonths(12).AddDays(3));
        await walk.OutboxEmptyAsync();

        await using var db = TestDb.Open(database);
        var prompts = await db.ScheduledPrompts.AsNoTracking().ToListAsync();
        var sent = prompts.Where(p => p.Status == PromptStatus.Sent).ToList();
        int Count(Guid person, string kind) => sent.Count(p => p.ParticipantId == person && p.Kind == kind);
        foreach (var kind in new[] { PromptKinds.MatchRequest, PromptKinds.MatchRequestReminder, PromptKinds.Introduction, PromptKinds.ReportPrompt, PromptKinds.Closing })
        {
            Assert.True(Count(mentorId, kind) == 1, $"mentor: {kind} sent {Count(mentorId, kind)} times");
        }

        foreach (var kind in new[] { PromptKinds.Introduction, PromptKinds.StartSurvey, PromptKinds.ReportPrompt, PromptKinds.EndSurvey, PromptKinds.Closing, PromptKinds.FollowUpSurvey })
        {
            Assert.True(Count(menteeId, kind) == 1, $"mentee: {kind} sent {Count(menteeId, kind)} times");
        }

        // One nudge to each per stretch without a reported meeting: the first month, and again after the last meeting.
        Assert.All(new[] { menteeId, mentorId }, person => Assert.InRange(Count(person, PromptKinds.AtRiskNudge), 1, 6));
        Assert.Equal(Count(menteeId, PromptKinds.AtRiskNudge), Count(mentorId, PromptKinds.AtRiskNudge));
        Assert.InRange(Count(menteeId, PromptKinds.CheckIn), 8, 14);
        Assert.InRange(Count(mentorId, PromptKinds.CheckInReminder), 3, 14);
        var reminded = sent.Where(p => p.Kind == PromptKinds.CheckInReminder).Select(p => p.OccurrenceKey.Split(':')[^1]).ToList();
        Assert.Equal(reminded.Distinct().Count(), reminded.Count); // one reminder per check-in or report prompt
        var menteeReportPrompt = sent.Single(p => p.ParticipantId == menteeId && p.Kind == PromptKinds.ReportPrompt).Id.ToString();
        var mentorReportPrompt = sent.Single(p => p.ParticipantId == mentorId && p.Kind == PromptKinds.ReportPrompt).Id.ToString();
        Assert.DoesNotContain(menteeReportPrompt, reminded); // she answered it
        Assert.Contains(mentorReportPrompt, reminded); // he did not
        Assert.All(sent, p => Assert.Equal(1, p.Attempts));
        Assert.DoesNotContain(prompts, p => p.Status is PromptStatus.Failed or PromptStatus.Scheduled or PromptStatus.Ready);
        Assert.Contains(prompts, p => p.Status == PromptStatus.Sent && p.LastError is null && p.Kind == PromptKinds.EndSurvey);

        var match = await db.Matches.AsNoTracking().SingleAsync(m => m.Id == matchId);
        Assert.Equal((MatchStatus.Ended, "planned_end"), (match.Status, match.EndReason));
        var endSurvey = sent.Single(p => p.Kind == PromptKinds.EndSurvey);
        Assert.Equal(new TimeOnly(9, 0), Local(endSurvey.SentAt!.Value).Truncate());
        Assert.True(endSurvey.SentAt > match.PlannedEndAt, "the end survey due at night waited for the morning");

        // Never at night, on the app's clock: when each prompt was sent, and when each SMS left.
        Assert.All(sent, p => AssertDaytime(p.SentAt!.Value, $"{p.Kind} prompt"));
        var outbound = await db.Messages.AsNoTracking().Where(m => m.Direction == MessageDirection.Outbound).ToListAsync();
        Assert.All(outbound, m => AssertDaytime(m.SentAt ?? m.CreatedAt, $"message \"{m.Text[..Math.Min(40, m.Text.Length)]}\""));
        Assert.All(outbound, m => Assert.NotNull(m.ProviderMessageId));
        Assert.Equal(outbound.Count, outbound.Select(m => m.ProviderMessageId).Distinct().Count());

        // What each phone received, counted at the simulator: one text per prompt occurrence of each kind.
        var toMentee = await walk.PhoneAsync(MenteePhone);
        var toMentor = await walk.PhoneAsync(MentorPhone);
        Assert.Equal(outbound.Count, toMentee.Count + toMentor.Count);
        AssertReceived(toMentor, "New request: Amal would like you as a mentor", Count(mentorId, PromptKinds.MatchRequest) + Count(mentorId, PromptKinds.MatchRequestReminder));
        AssertReceived(toMentor, "A friendly reminder: Amal is still waiting", 1);
        AssertReceived(toMentor, "You and Amal are now a pair", 1);
        AssertReceived(toMentee, "You and Karen are now a pair", 1);
        AssertReceived(toMentee, "Please answer 6 short questions", 1);
        AssertReceived(toMentor, "We have not heard about a meeting with Amal", Count(mentorId, PromptKinds.AtRiskNudge));
        AssertReceived(toMentee, "We have not heard about a meeting with Karen", Count(menteeId, PromptKinds.AtRiskNudge));
        AssertReceived(toMentor, "Meeting report: did you and Amal meet?", Count(mentorId, PromptKinds.CheckIn) + Count(mentorId, PromptKinds.ReportPrompt) + Count(mentorId, PromptKinds.CheckInReminder));
        AssertReceived(toMentee, "Meeting report: did you and Karen meet?", Count(menteeId, PromptKinds.CheckIn) + Count(menteeId, PromptKinds.ReportPrompt) + Count(menteeId, PromptKinds.CheckInReminder));
        AssertReceived(toMentee, "Your mentorship has ended. Please answer 8 short questions", 1);
        AssertReceived(toMentor, "Your mentorship with Amal has reached its planned end", 1);
        AssertReceived(toMentee, "Your mentorship with Karen has reached its planned end", 1);
        AssertReceived(toMentee, "Your mentorship ended six months ago", 1);
        Assert.All(toMentee.Concat(toMentor), m => AssertDaytime(m.At, $"SMS \"{m.Body[..Math.Min(40, m.Body.Length)]}\" at the phone"));
    }

    // --- the world the test runs in ---

    const string ClockSecret = "match-life-test-clock-secret";

    static Dictionary<string, string?> Environment(string database)
    {
        var environment = TwilioTestEnvironment.Simulator(database);
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        environment["TestClock__Enabled"] = "true";
        environment["TestClockAccess__Secret"] = ClockSecret;
        environment["TestClock__Start"] = Start.ToString("O");
        environment["Scheduler__Enabled"] = "true";
        environment["Scheduler__PromptPollInterval"] = "00:00:00.1";
        environment["Scheduler__PlanInterval"] = "00:00:00.1";
        environment["Scheduler__CheckinInterval"] = "00:00:01";
        environment["Retention__Enabled"] = "false";
        return environment;
    }

    /// <summary>A signed-up, consented mentee and mentor in the Copenhagen branch (default settings) and her request to him, as SendMatchRequest leaves it.</summary>
    static async Task<(Guid Mentee, Guid Mentor, Guid Match)> SeedRequestedMatchAsync(string database)
    {
        await using var db = TestDb.Open(database);
        var branch = await db.Branches.SingleAsync(b => b.Code == "copenhagen");
        Participant Add(string name, ParticipantRole role, string phone)
        {
            var person = new Participant
            {
                DisplayName = name, Role = role, BranchId = branch.Id, PreferredLanguage = "en", Status = ParticipantStatus.Active, Phone = phone,
                CreatedAt = Start.AddDays(-7), UpdatedAt = Start.AddDays(-7),
            };
            db.Participants.Add(person);
            db.Consents.Add(new Consent { ParticipantId = person.Id, Purpose = ConsentPurpose.Participation, TextVersion = "consent.v1", Language = "en", Channel = Channel.Sms, GivenAt = Start.AddDays(-7) });
            return person;
        }

        var mentee = Add("Amal", ParticipantRole.Mentee, MenteePhone);
        var mentor = Add("Karen", ParticipantRole.Mentor, MentorPhone);
        var match = new Match { BranchId = branch.Id, MenteeId = mentee.Id, MentorId = mentor.Id, RequestedAt = Start };
        match.History.Add(new MatchStatusChange { ToStatus = MatchStatus.Requested, ChangedBy = ActorKind.Participant, ActorId = mentee.Id, ChangedAt = Start });
        db.Matches.Add(match);
        db.ScheduledPrompts.Add(new ScheduledPrompt
        {
            ParticipantId = mentor.Id, MatchId = match.Id, Kind = PromptKinds.MatchRequest, DialogId = "match_request",
            OccurrenceKey = $"match_request:{match.Id}", DueAt = Start, CreatedAt = Start,
        });
        await db.SaveChangesAsync();
        return (mentee.Id, mentor.Id, match.Id);
    }

    /// <summary>The test's hand on the running app: its clock, its scheduler's progress, the test phone.</summary>
    sealed class Walk(HttpClient http, string database)
    {
        public async Task<DateTimeOffset> NowAsync() => (await http.GetFromJsonAsync<Reading>("/testing/clock"))!.Now;

        /// <summary>
        /// Lets the app catch up with its clock: a move of zero (the endpoint answers once the planner and the
        /// dispatcher have run at the app's time), then nothing due and the outbox empty.
        /// </summary>
        public async Task SettleAsync()
        {
            using (var moved = await http.PostAsJsonAsync("/testing/clock", new { advance = "PT0S" }))
            {
                Assert.True(moved.IsSuccessStatusCode, $"catching up: {(int)moved.StatusCode}");
            }

            var deadline = DateTime.UtcNow.AddSeconds(60);
            var state = "";
            while (DateTime.UtcNow < deadline)
            {
                var now = await NowAsync();
                await using var db = TestDb.Open(database);
                var due = await db.ScheduledPrompts.Where(p => (p.Status == PromptStatus.Scheduled || p.Status == PromptStatus.Deferred || p.Status == PromptStatus.Ready) && p.DueAt <= now)
                    .Select(p => p.Kind + " " + p.Status + " " + p.DueAt).ToListAsync();
                var queued = await db.Messages.Where(m => m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Queued)
                    .Select(m => m.Attempts + " " + m.NextAttemptAt + " " + m.ErrorMessage).ToListAsync();
                if (due.Count == 0 && queued.Count == 0)
                {
                    return;
                }

                state = $"app clock {now:O}, due: [{string.Join("; ", due)}], queued: [{string.Join("; ", queued)}]";
                await Task.Delay(100);
            }

            Assert.Fail($"The app never caught up with its clock: {state}");
        }

        /// <summary>Moves the clock to the next due prompt (or <paramref name="end"/>) and lets the app catch up, until <paramref name="stop"/> holds or the end is reached.</summary>
        public async Task RunUntilAsync(DateTimeOffset end, Func<Task<bool>>? stop = null)
        {
            while (true)
            {
                if (stop is not null && await stop())
                {
                    return;
                }

                var now = await NowAsync();
                if (now >= end)
                {
                    Assert.True(stop is null, "the walk reached its end before what it waited for happened");
                    return;
                }

                DateTimeOffset? next;
                await using (var db = TestDb.Open(database))
                {
                    next = await db.ScheduledPrompts.Where(p => (p.Status == PromptStatus.Scheduled || p.Status == PromptStatus.Deferred) && p.DueAt > now)
                        .MinAsync(p => (DateTimeOffset?)p.DueAt);
                }

                var target = next is { } due && due < end ? due : end;
                using var moved = await http.PostAsJsonAsync("/testing/clock", new { to = target });
                Assert.True(moved.IsSuccessStatusCode, $"moving the clock to {target:O}: {(int)moved.StatusCode} {await moved.Content.ReadAsStringAsync()}");
                await SettleAsync();
            }
        }

        /// <summary>Texts the bot from <paramref name="phone"/> through the test phone (a signed webhook, the real path); the reply is queued before it answers.</summary>
        public async Task SayAsync(string phone, string text)
        {
            using var response = await http.PostAsJsonAsync("/simulator/phone/messages", new { from = phone, body = text });
            var answer = await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>();
            Assert.True(response.IsSuccessStatusCode && answer!["webhookStatus"].GetInt32() == 200, $"texting '{text}': {(int)response.StatusCode}");
        }

        /// <summary>What the simulator holds for <paramref name="phone"/>, from MentorBot only.</summary>
        public async Task<List<PhoneMessage>> PhoneAsync(string phone) =>
            (await http.GetFromJsonAsync<List<PhoneMessage>>($"/simulator/phone/messages?number={Uri.EscapeDataString(phone)}"))!
                .Where(m => m.Direction == "from_mentorbot").ToList();

        public async Task OutboxEmptyAsync() =>
            await TwilioTestEnvironment.Eventually(async () =>
            {
                await using var db = TestDb.Open(database);
                return !await db.Messages.AnyAsync(m => m.Direction == MessageDirection.Outbound && (m.DeliveryStatus == DeliveryStatus.Queued || m.ProviderMessageId == null));
            }, "every message handed to the simulator");

        public async Task<int> SentAsync(Guid person, string kind)
        {
            await using var db = TestDb.Open(database);
            return await db.ScheduledPrompts.CountAsync(p => p.ParticipantId == person && p.Kind == kind && p.Status == PromptStatus.Sent);
        }

        public async Task<T> ScalarAsync<T>(Func<MentorBot.Data.MentorBotDb, Task<T>> query)
        {
            await using var db = TestDb.Open(database);
            return await query(db);
        }
    }

    static void AssertReceived(List<PhoneMessage> messages, string text, int expected)
    {
        var count = messages.Count(m => m.Body.Contains(text, StringComparison.Ordinal));
        Assert.True(count == expected, $"\"{text}\" received {count} times, expected {expected}");
    }

    static void AssertDaytime(DateTimeOffset at, string what)
    {
        var local = Local(at);
        Assert.True(local >= new TimeOnly(9, 0) && local < new TimeOnly(21, 0), $"{what} at {local} Copenhagen time ({at:O})");
    }

    static TimeOnly Local(DateTimeOffset at) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Copenhagen).DateTime);

    static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Copenhagen).DateTime);
}

static class TimeOnlyExtensions
{
    public static TimeOnly Truncate(this TimeOnly time) => new(time.Hour, time.Minute);
}
