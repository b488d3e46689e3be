using MentorBot.Bot.Conversations;
using MentorBot.Bot.Conversations.Actions;
using MentorBot.Data.Model;
using MentorBot.Tests.Dialogs;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Conversations;

/// <summary>The real dialogs with the real actions on a real database: what a participant's messages leave behind.</summary>
public sealed class RealDialogTests(PostgresFixture postgres)
{
    static readonly Lazy<DialogLibrary> Library = new(() => DialogLibrary.Load(new DialogLibraryOptions { Directory = TestPaths.Dialogs, LocalesDirectory = TestPaths.Locales }));

    /// <summary>The repository's own dialogs and texts, loaded as the app loads them.</summary>
    internal static DialogLibrary RealLibrary => Library.Value;

    readonly FixedClock _clock = new(DateTimeOffset.Parse("2026-03-11T09:00:00Z"));

    [Fact]
    public async Task A_mentee_signs_up_from_first_contact_and_is_stored_with_her_consent()
    {
        var (database, chat) = await NewChatAsync();

        await chat.SayAsync("Hello"); // English, read from her greeting: the role question follows
        await chat.SayAsync("1");     // find a mentor
        foreach (var line in new[] { "Amal", "1", "Valby", "6", "2", "Nurse", "6", "1 3 5", "1 11", "2" })
        {
            await chat.SayAsync(line);
        }

        var summary = await chat.SayAsync("yes"); // consent
        var done = await chat.SayAsync("yes");    // the summary is right

        Assert.Contains(summary, line => line.Contains("Name: Amal", StringComparison.Ordinal) && line.Contains("Branch: Copenhagen", StringComparison.Ordinal));
        Assert.NotEmpty(done);
        await using var db = TestDb.Open(database);
        var person = await db.Participants.Include(p => p.Profile).Include(p => p.Branch).Include(p => p.Consents).SingleAsync();
        Assert.Equal(("Amal", ParticipantRole.Mentee, ParticipantStatus.Active, "copenhagen", "en"),
            (person.DisplayName, person.Role, person.Status, person.Branch?.Code, person.PreferredLanguage));
        Assert.Equal(("Nurse", "Valby"), (person.Profile!.Profession, person.Profile.City));
        Assert.Equal(3, person.Profile.Goals.Count);
        var consent = Assert.Single(person.Consents);
        Assert.Equal((ConsentPurpose.Participation, "consent.v1", "en", Channel.Sms), (consent.Purpose, consent.TextVersion, consent.Language, consent.Channel));
        Assert.Equal(DialogSessionStatus.Completed, (await db.DialogSessions.OrderBy(s => s.StartedAt).LastAsync()).Status);
    }

    [Fact]
    public async Task A_mentors_one_line_answers_become_a_meeting_report_and_a_planned_meeting()
    {
        var (database, chat) = await NewChatAsync();
        var matchId = await AddMatchAsync(database, chat.PersonId, asMentor: true);

        await chat.StartAsync("meeting_report", matchId, eventId: null);
        foreach (var line in new[] { "yes", "2", "1 3 5", "skip", "25/3" })
        {
            await chat.SayAsync(line);
        }

        await using var db = TestDb.Open(database);
        var report = await db.MeetingReports.SingleAsync();
        Assert.Equal((true, new DateOnly(2026, 3, 10), ParticipantRole.Mentor, new DateOnly(2026, 3, 25)), (report.Met, report.MetOn, report.ReporterRole, report.NextMeetingOn));
        Assert.Equal([MeetingReportTopic.CvApplication, MeetingReportTopic.Network, MeetingReportTopic.Education], report.Topics);
        Assert.Equal(2, await db.Meetings.CountAsync(m => m.MatchId == matchId)); // the one held yesterday and the one planned
        var prompts = await db.ScheduledPrompts.Where(p => p.Kind == "report_prompt").ToListAsync();
        Assert.Equal(2, prompts.Count); // to both of them, the day after the planned meeting at 10:00 in Copenhagen
        Assert.All(prompts, p => Assert.Equal((DateTimeOffset.Parse("2026-03-26T09:00:00Z"), "meeting_report"), (p.DueAt, p.DialogId)));
    }

    [Fact]
    public async Task A_mentor_who_accepts_starts_the_match_and_its_prompts_are_planned()
    {
        var (database, chat) = await NewChatAsync();
        var matchId = await AddMatchAsync(database, chat.PersonId, asMentor: true, MatchStatus.Requested);

        await chat.StartAsync("match_request", matchId, eventId: null);
        await chat.SayAsync("1");

        await using var db = TestDb.Open(database);
        var match = await db.Matches.Include(m => m.History).SingleAsync();
        Assert.Equal((MatchStatus.Active, _clock.Now, _clock.Now.AddMonths(6)), (match.Status, match.StartedAt, match.PlannedEndAt));
        Assert.Contains(match.History, h => h.FromStatus == MatchStatus.Requested && h.ToStatus == MatchStatus.Active);
        var prompts = (await db.ScheduledPrompts.ToListAsync()).ToDictionary(p => $"{p.Kind}:{(p.ParticipantId == match.MenteeId ? "mentee" : "mentor")}", p => p.DueAt);
        Assert.Equal(_clock.Now.AddMinutes(1), prompts["start_survey:mentee"]); // after her introduction
        Assert.Equal(_clock.Now.AddDays(14), prompts["check_in:mentee"]);
        Assert.Equal(_clock.Now.AddDays(14), prompts["check_in:mentor"]);
        Assert.Equal(_clock.Now.AddMonths(6).AddMinutes(1), prompts["end_survey:mentee"]); // after the closing message
        Assert.Equal(_clock.Now.AddMonths(12), prompts["followup_survey:mentee"]);
        Assert.Equal(_clock.Now, prompts["match_introduction:mentee"]);
        Assert.Equal(_clock.Now, prompts["match_introduction:mentor"]);
        Assert.Equal(_clock.Now.AddMonths(6), prompts["match_closing:mentee"]);
        Assert.Equal(_clock.Now.AddMonths(6), prompts["match_closing:mentor"]);
        Assert.Equal(9, prompts.Count);
    }

    [Fact]
    public async Task A_start_survey_is_stored_per_indicator_with_scales_as_numbers()
    {
        var (database, chat) = await NewChatAsync();
        var matchId = await AddMatchAsync(database, chat.PersonId, asMentor: false);

        await chat.StartAsync("start_survey", matchId, eventId: null);
        foreach (var line in new[] { "2", "1", "a few", "2", "7", "3", "not at all" })
        {
            await chat.SayAsync(line);
        }

        await using var db = TestDb.Open(database);
        var survey = await db.SurveyInstances.Include(i => i.Answers).Include(i => i.Definition).SingleAsync();
        Assert.Equal((SurveyKind.Start, matchId, SurveyInstanceStatus.Completed), (survey.Definition!.Kind, survey.MatchId, survey.Status));
        var answers = survey.Answers.ToDictionary(a => a.Indicator, a => a.Number?.ToString() ?? a.Choice);
        Assert.Equal(6, answers.Count);
        Assert.Equal(("unemployed_seeking", "2"), (answers["job_situation"], answers["career_clarity"]));
    }

    [Fact]
    public async Task An_event_answer_registers_her_with_guests_and_her_childrens_ages()
    {
        var (database, chat) = await NewChatAsync();
        Guid eventId;
        await using (var db = TestDb.Open(database))
        {
            var branch = await db.Branches.FirstAsync(b => b.Code == "copenhagen");
            var @event = new Event { BranchId = branch.Id, Title = "Collective mentoring", StartsAt = _clock.Now.AddDays(7), GuestsAllowed = true, ChildcareOffered = true, Capacity = 100, CreatedAt = _clock.Now };
            db.Events.Add(@event);
            await db.SaveChangesAsync();
            eventId = @event.Id;
        }

        await chat.StartAsync("event_invitation", matchId: null, eventId);
        foreach (var line in new[] { "yes", "2", "yes", "3 and 7" })
        {
            await chat.SayAsync(line);
        }

        await using var check = TestDb.Open(database);
        var registration = await check.EventRegistrations.SingleAsync();
        Assert.Equal((RegistrationStatus.Registered, 2, true), (registration.Status, registration.Guests, registration.ChildcareNeeded));
        Assert.Equal([3, 7], registration.ChildrenAges);
    }

    async Task<Guid> AddMatchAsync(string database, Guid personId, bool asMentor, MatchStatus status = MatchStatus.Active)
    {
        await using var db = TestDb.Open(database);
        var branch = await db.Branches.FirstAsync(b => b.Code == "copenhagen");
        var person = await db.Participants.SingleAsync(p => p.Id == personId);
        person.Role = asMentor ? ParticipantRole.Mentor : ParticipantRole.Mentee;
        person.Status = ParticipantStatus.Active;
        person.BranchId = branch.Id;
        var partner = new Participant { BranchId = branch.Id, Role = asMentor ? ParticipantRole.Mentee : ParticipantRole.Mentor, DisplayName = "Amal", Status = ParticipantStatus.Active, CreatedAt = _clock.Now, UpdatedAt = _clock.Now };
        var match = new Match { BranchId = branch.Id, MenteeId = asMentor ? partner.Id : person.Id, MentorId = asMentor ? person.Id : partner.Id, Status = status, RequestedAt = _clock.Now, StartedAt = status == MatchStatus.Active ? _clock.Now : null };
        db.AddRange(partner, match);
        await db.SaveChangesAsync();
        return match.Id;
    }

    async Task<(string Database, ConversationHostTests.Chat Chat)> NewChatAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var db = TestDb.Open(database);
        var person = new Participant { PreferredLanguage = "en", CreatedAt = _clock.Now, UpdatedAt = _clock.Now, Phone = "+4520000001" };
        var conversation = new Conversation { ParticipantId = person.Id, Channel = Channel.Sms, ChannelConversationId = "+4520000001", StartedAt = _clock.Now, LastActivityAt = _clock.Now };
        db.AddRange(person, conversation);
        await db.SaveChangesAsync();
        return (database, new ConversationHostTests.Chat(database, person.Id, conversation.Id, _clock, Library.Value, DialogActions.All()));
    }
}
