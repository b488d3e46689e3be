using MentorBot.Bot.Scheduling;
using MentorBot.Data.Model;
using MentorBot.Scheduler.Prompts;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Scheduling;

/// <summary>Event invitations to a segment and reminders to those registered; what a coordinator sees of the prompts and her retry.</summary>
public sealed class PromptOverviewAndEventTests(PostgresFixture postgres)
{
    readonly FixedClock _clock = new(DateTimeOffset.Parse("2026-03-11T09:00:00Z"));

    [Fact]
    public async Task Publishing_an_event_invites_its_segment_once_and_reminds_those_registered_the_day_before()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var db = TestDb.Open(database);
        var copenhagen = await db.Branches.SingleAsync(b => b.Code == "copenhagen");
        var other = await db.Branches.FirstAsync(b => b.Code != "copenhagen");
        Participant Person(Guid branch, ParticipantRole role, string language, ParticipantStatus status = ParticipantStatus.Active, bool optedOut = false) => new()
        {
            BranchId = branch, Role = role, PreferredLanguage = language, Status = status, OptedOutAt = optedOut ? _clock.Now : null,
            CreatedAt = _clock.Now, UpdatedAt = _clock.Now,
        };
        var inSegment = new[] { Person(copenhagen.Id, ParticipantRole.Mentee, "ar"), Person(copenhagen.Id, ParticipantRole.Mentee, "ar") };
        var outside = new[]
        {
            Person(copenhagen.Id, ParticipantRole.Mentee, "fa"),                                   // another language
            Person(copenhagen.Id, ParticipantRole.Mentor, "ar"),                                   // a mentor
            Person(other.Id, ParticipantRole.Mentee, "ar"),                                        // another branch
            Person(copenhagen.Id, ParticipantRole.Mentee, "ar", ParticipantStatus.SigningUp),      // not active
            Person(copenhagen.Id, ParticipantRole.Mentee, "ar", optedOut: true),                   // said STOP
        };
        var @event = new Event { BranchId = copenhagen.Id, Title = "Social evening", StartsAt = _clock.Now.AddDays(10), CreatedAt = _clock.Now };
        db.AddRange(inSegment);
        db.AddRange(outside);
        db.Events.Add(@event);
        await db.SaveChangesAsync();

        var segment = new EventSegment(copenhagen.Id, ParticipantRole.Mentee, Language: "ar");
        Assert.Equal(2, await EventPublishing.PublishAsync(db, @event.Id, segment, _clock.Now, CancellationToken.None));
        Assert.Equal(0, await EventPublishing.PublishAsync(db, @event.Id, segment, _clock.Now, CancellationToken.None)); // published twice: invited once

        var invitations = await db.ScheduledPrompts.Where(p => p.Kind == PromptKinds.EventInvitation).ToListAsync();
        Assert.Equal(inSegment.Select(p => p.Id).Order(), invitations.Select(p => p.ParticipantId).Order());
        Assert.All(invitations, p => Assert.Equal(("event_invitation", @event.Id, _clock.Now), (p.DialogId, p.EventId, p.DueAt)));

        db.EventRegistrations.Add(new EventRegistration { EventId = @event.Id, ParticipantId = inSegment[0].Id, Status = RegistrationStatus.Registered, InvitedAt = _clock.Now });
        db.EventRegistrations.Add(new EventRegistration { EventId = @event.Id, ParticipantId = inSegment[1].Id, Status = RegistrationStatus.Declined, InvitedAt = _clock.Now });
        await db.SaveChangesAsync();
        await new MatchLifePlanner(db, _clock).PlanAsync(CancellationToken.None);

        var reminder = await db.ScheduledPrompts.SingleAsync(p => p.Kind == PromptKinds.EventReminder);
        Assert.Equal((inSegment[0].Id, @event.StartsAt.AddHours(-24), PromptKinds.NoticeDialog), (reminder.ParticipantId, reminder.DueAt, reminder.DialogId));

        // She cancels her registration: the reminder is cancelled at the next pass.
        (await db.EventRegistrations.SingleAsync(r => r.ParticipantId == inSegment[0].Id)).Status = RegistrationStatus.Cancelled;
        await db.SaveChangesAsync();
        await new MatchLifePlanner(db, _clock).PlanAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        var cancelled = await db.ScheduledPrompts.SingleAsync(p => p.Kind == PromptKinds.EventReminder);
        Assert.Equal((PromptStatus.Cancelled, "not_registered"), (cancelled.Status, cancelled.LastError));
    }

    [Fact]
    public async Task The_overview_lists_a_persons_and_a_matchs_prompts_and_retries_a_failed_one_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var db = TestDb.Open(database);
        var person = new Participant { PreferredLanguage = "en", Status = ParticipantStatus.Active, CreatedAt = _clock.Now, UpdatedAt = _clock.Now };
        var partner = new Participant { PreferredLanguage = "en", Status = ParticipantStatus.Active, CreatedAt = _clock.Now, UpdatedAt = _clock.Now };
        var branch = await db.Branches.FirstAsync();
        var match = new Match { BranchId = branch.Id, MenteeId = person.Id, MentorId = partner.Id, Status = MatchStatus.Active, RequestedAt = _clock.Now };
        ScheduledPrompt Prompt(string kind, PromptStatus status, int hours, Guid? matchId = null) => new()
        {
            ParticipantId = person.Id, MatchId = matchId, Kind = kind, DialogId = "help", OccurrenceKey = $"{kind}:{Guid.NewGuid()}", Status = status,
            DueAt = _clock.Now.AddHours(hours), SentAt = status == PromptStatus.Sent ? _clock.Now.AddHours(hours) : null, CreatedAt = _clock.Now,
            Attempts = status == PromptStatus.Failed ? 5 : 0, LastError = status == PromptStatus.Failed ? "HttpRequestException" : null,
        };
        var failed = Prompt("check_in", PromptStatus.Failed, -3, match.Id);
        db.AddRange(person, partner, match);
        db.ScheduledPrompts.AddRange(failed, Prompt("end_survey", PromptStatus.Scheduled, 48, match.Id), Prompt("start_survey", PromptStatus.Sent, -24, match.Id),
            Prompt("event_invitation", PromptStatus.Deferred, 2), Prompt("at_risk_nudge", PromptStatus.Cancelled, -1, match.Id));
        await db.SaveChangesAsync();

        var overview = new PromptOverview(db, _clock);
        var mine = await overview.ForPersonAsync(person.Id, CancellationToken.None);
        Assert.Equal(["event_invitation", "end_survey"], mine.Upcoming.Select(p => p.Kind));
        Assert.Equal(["start_survey"], mine.Sent.Select(p => p.Kind));
        Assert.Equal(("check_in", "HttpRequestException"), (mine.Failed.Single().Kind, mine.Failed.Single().LastError));
        Assert.Equal(["at_risk_nudge"], mine.Cancelled.Select(p => p.Kind));
        var ours = await overview.ForMatchAsync(match.Id, CancellationToken.None);
        Assert.Equal(4, ours.Upcoming.Count + ours.Sent.Count + ours.Failed.Count + ours.Cancelled.Count); // not the event invitation

        var coordinator = Guid.NewGuid();
        Assert.False(await overview.RetryAsync(failed.Id, partner.Id, coordinator, branch.Id, CancellationToken.None)); // not his prompt
        Assert.True(await overview.RetryAsync(failed.Id, person.Id, coordinator, branch.Id, CancellationToken.None));
        Assert.False(await overview.RetryAsync(failed.Id, person.Id, coordinator, branch.Id, CancellationToken.None)); // already retried
        await using var check = TestDb.Open(database);
        var retried = await check.ScheduledPrompts.SingleAsync(p => p.Id == failed.Id);
        Assert.Equal((PromptStatus.Scheduled, _clock.Now, 0), (retried.Status, retried.DueAt, retried.Attempts));
        var audit = await check.AuditLog.SingleAsync(a => a.Action == "prompt.retried");
        Assert.Equal((ActorKind.Coordinator, coordinator, failed.Id, branch.Id), (audit.ActorKind, audit.ActorId, audit.SubjectId, audit.BranchId));
    }
}
