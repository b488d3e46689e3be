using MentorBot.Bot.Conversations.Actions;
using MentorBot.Bot.Privacy;
using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Tests.Conversations;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Privacy;

/// <summary>The retention policy on a fake clock: what each rule deletes, what it keeps, per-branch periods, and a second run that changes nothing.</summary>
public sealed class RetentionTests(PostgresFixture postgres)
{
    static readonly DateTimeOffset Now = DateTimeOffset.Parse("2028-06-01T02:00:00Z");

    readonly FixedClock _clock = new(Now);

    static RetentionSweep Sweep(MentorBotDb db, TimeProvider clock) =>
        new(db, new PersonErasure(db, clock, NullLogger<PersonErasure>.Instance), new RetentionOptions(), clock, NullLogger<RetentionSweep>.Instance);

    [Fact]
    public async Task Each_rule_removes_what_is_past_its_period_and_keeps_the_rest_and_a_second_run_changes_nothing()
    {
        var database = await postgres.CreateDatabaseAsync();
        var world = new World(Now);
        await using (var db = TestDb.Open(database))
        {
            var copenhagen = await db.Branches.SingleAsync(b => b.Code == "copenhagen");
            var aarhus = await db.Branches.SingleAsync(b => b.Code == "aarhus");
            aarhus.Settings = aarhus.Settings with { WithdrawnConsentGraceDays = 7 }; // a branch with a shorter grace period
            world.Build(db, copenhagen.Id, aarhus.Id);
            await db.SaveChangesAsync();
        }

        RetentionReport first, second;
        await using (var db = TestDb.Open(database))
        {
            first = await Sweep(db, _clock).ApplyAsync(CancellationToken.None);
            second = await Sweep(db, _clock).ApplyAsync(CancellationToken.None);
        }

        await using var check = TestDb.Open(database);
        var texts = await check.Messages.ToDictionaryAsync(m => m.Id, m => m);
        Assert.Equal(RetentionSweep.DeletedText, texts[world.OldTranscript].Text);           // her match ended 27 months ago
        Assert.Equal("after the mentorship", texts[world.AfterMentorship].Text);            // written after that end
        Assert.Equal("recently ended", texts[world.RecentTranscript].Text);                 // a match ended 5 months ago
        Assert.Null((await check.MeetingReports.SingleAsync(r => r.MatchId == world.OldMatch)).Note);
        Assert.Equal("still fresh", (await check.MeetingReports.SingleAsync(r => r.MatchId == world.RecentMatch)).Note);

        var sessions = await check.DialogSessions.Select(s => s.Id).ToListAsync();
        Assert.Equal([world.FreshSession], sessions);                                       // ended 40 days ago: gone; touched 5 days ago: kept

        Assert.Null(texts[world.OldDelivered].ProviderMessageId);
        Assert.Null(texts[world.OldDelivered].ErrorMessage);
        Assert.Equal("SMrecent", texts[world.RecentDelivered].ProviderMessageId);
        Assert.Equal((DeliveryStatus.Failed, "expired"), (texts[world.StuckInOutbox].DeliveryStatus, texts[world.StuckInOutbox].ErrorCode));

        var status = await check.Participants.ToDictionaryAsync(p => p.Id, p => p.Status);
        Assert.Equal(ParticipantStatus.Erased, status[world.WithdrawnLongAgo]);             // 31 days > 30 (Copenhagen)
        Assert.Equal(ParticipantStatus.Active, status[world.WithdrawnRecently]);            // 10 days < 30
        Assert.Equal(ParticipantStatus.Erased, status[world.WithdrawnInAarhus]);            // 10 days > 7 (Aarhus' own setting)
        Assert.Equal(ParticipantStatus.Erased, status[world.AskedToBeDeleted]);
        Assert.Equal(ParticipantStatus.Erased, status[world.AbandonedSignup]);
        Assert.Equal(ParticipantStatus.SigningUp, status[world.RecentSignup]);
        Assert.False(await check.Conversations.AnyAsync(c => c.ParticipantId == world.ErasedLongAgo), "an erased person's leftovers go after 90 days");
        Assert.True(await check.Conversations.AnyAsync(c => c.ParticipantId == world.WithdrawnLongAgo), "erased today: her (anonymised) thread stays for now");

        Assert.Equal(4, first.PeopleErased);
        Assert.Equal(0, second.PeopleErased);
        Assert.All(second.Rows, rule => Assert.True(rule.Value == 0, $"{rule.Key} changed {rule.Value} rows on the second run"));
        Assert.Equal(2, await check.AuditLog.CountAsync(a => a.Action == "retention.applied"));
        Assert.Equal(4, await check.AuditLog.CountAsync(a => a.Action == "participant.erased" && a.ActorKind == ActorKind.System));
    }

    [Fact]
    public async Task Expired_phone_link_codes_are_pruned_daily_and_a_live_one_stays()
    {
        var database = await postgres.CreateDatabaseAsync();
        Guid live;
        await using (var db = TestDb.Open(database))
        {
            var branch = await db.Branches.SingleAsync(b => b.Code == "copenhagen");
            var her = new Participant { BranchId = branch.Id, Role = ParticipantRole.Mentee, PreferredLanguage = "ar", Status = ParticipantStatus.Active, CreatedAt = Now.AddDays(-2), UpdatedAt = Now };
            // Yesterday's code, used: its row still holds a number and her id. And the one she is typing now.
            var used = new PhoneVerification { ParticipantId = her.Id, Phone = "+4528765432", CodeHash = "a", CreatedAt = Now.AddDays(-1), ExpiresAt = Now.AddDays(-1).AddMinutes(10), VerifiedAt = Now.AddDays(-1).AddMinutes(1) };
            var waiting = new PhoneVerification { ParticipantId = her.Id, Phone = "+4528765433", CodeHash = "b", CreatedAt = Now.AddMinutes(-2), ExpiresAt = Now.AddMinutes(8) };
            db.AddRange(her, used, waiting);
            await db.SaveChangesAsync();
            live = waiting.Id;
        }

        RetentionReport report;
        await using (var db = TestDb.Open(database))
        {
            report = await Sweep(db, _clock).ApplyAsync(CancellationToken.None);
        }

        await using var check = TestDb.Open(database);
        Assert.Equal([live], await check.PhoneVerifications.Select(v => v.Id).ToListAsync());
        Assert.Equal(1, report.Rows["phone_verifications_expired"]);
    }

    [Fact]
    public async Task Her_own_deletion_request_withdraws_her_consent_at_once_and_erases_her_after_the_grace_period()
    {
        var database = await postgres.CreateDatabaseAsync();
        var start = DateTimeOffset.Parse("2026-03-11T10:00:00Z");
        var clock = new FixedClock(start);
        Participant her;
        Conversation sms;
        await using (var db = TestDb.Open(database))
        {
            var branch = await db.Branches.SingleAsync(b => b.Code == "copenhagen");
            her = new Participant { BranchId = branch.Id, DisplayName = "Amal", Phone = "+4520000077", PreferredLanguage = "en", Status = ParticipantStatus.Active, CreatedAt = start, UpdatedAt = start };
            her.Consents.Add(new Consent { TextVersion = "consent.v1", Language = "en", Channel = Channel.Sms, GivenAt = start });
            sms = new Conversation { ParticipantId = her.Id, Channel = Channel.Sms, ChannelConversationId = her.Phone, StartedAt = start, LastActivityAt = start };
            db.AddRange(her, sms);
            await db.SaveChangesAsync();
        }

        var chat = new ConversationHostTests.Chat(database, her.Id, sms.Id, clock, RealDialogTests.RealLibrary, DialogActions.All());
        await chat.StartAsync("delete_me", matchId: null, eventId: null);
        await chat.SayAsync("yes");

        await using (var db = TestDb.Open(database))
        {
            Assert.Equal(ParticipantStatus.ErasureRequested, (await db.Participants.SingleAsync(p => p.Id == her.Id)).Status);
            Assert.Equal(start, (await db.Consents.SingleAsync()).WithdrawnAt);
            Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "erasure.requested" && a.SubjectId == her.Id));
        }

        foreach (var (days, expected) in new[] { (29, ParticipantStatus.ErasureRequested), (31, ParticipantStatus.Erased) })
        {
            clock.Now = start.AddDays(days);
            await using var db = TestDb.Open(database);
            await Sweep(db, clock).ApplyAsync(CancellationToken.None);
            Assert.Equal(expected, (await db.Participants.AsNoTracking().SingleAsync(p => p.Id == her.Id)).Status);
        }
    }

    /// <summary>One person, message, session… per rule, on both sides of its cutoff.</summary>
    sealed class World(DateTimeOffset now)
    {
        public Guid OldTranscript, AfterMentorship, RecentTranscript, OldMatch, RecentMatch, FreshSession;
        public Guid OldDelivered, RecentDelivered, StuckInOutbox;
        public Guid WithdrawnLongAgo, WithdrawnRecently, WithdrawnInAarhus, AskedToBeDeleted, AbandonedSignup, RecentSignup, ErasedLongAgo;

        public void Build(MentorBotDb db, Guid copenhagen, Guid aarhus)
        {
            var mentor = Person(db, copenhagen, ParticipantStatus.Active, ParticipantRole.Mentor);
            var old = Person(db, copenhagen, ParticipantStatus.Ended);
            var recent = Person(db, copenhagen, ParticipantStatus.Ended);
            OldMatch = Match(db, copenhagen, old, mentor, now.AddMonths(-27));
            RecentMatch = Match(db, copenhagen, recent, mentor, now.AddMonths(-5));
            db.Add(new MeetingReport { MatchId = OldMatch, ReporterId = old.Id, Met = true, Note = "long ago", SubmittedAt = now.AddMonths(-28) });
            db.Add(new MeetingReport { MatchId = RecentMatch, ReporterId = recent.Id, Met = true, Note = "still fresh", SubmittedAt = now.AddMonths(-6) });
            OldTranscript = Message(db, old, "during the mentorship", now.AddMonths(-28));
            AfterMentorship = Message(db, old, "after the mentorship", now.AddMonths(-20));
            RecentTranscript = Message(db, recent, "recently ended", now.AddMonths(-6));

            var active = Person(db, copenhagen, ParticipantStatus.Active);
            db.Add(new DialogSession { ParticipantId = active.Id, DialogId = "menu", StepId = "done", State = """{"values": {"answers.x": "1"}}""", Status = DialogSessionStatus.Completed, StartedAt = now.AddDays(-41), UpdatedAt = now.AddDays(-40), EndedAt = now.AddDays(-40) });
            var fresh = new DialogSession { ParticipantId = active.Id, DialogId = "menu", StepId = "ask", Status = DialogSessionStatus.Active, StartedAt = now.AddDays(-5), UpdatedAt = now.AddDays(-5) };
            db.Add(fresh);
            FreshSession = fresh.Id;
            OldDelivered = Message(db, active, "old delivered", now.AddDays(-100), "SMold", "Unreachable handset");
            RecentDelivered = Message(db, active, "recent delivered", now.AddDays(-10), "SMrecent");
            StuckInOutbox = Message(db, active, "never sent", now.AddDays(-100), status: DeliveryStatus.Queued);

            WithdrawnLongAgo = Withdrawn(db, copenhagen, now.AddDays(-31));
            WithdrawnRecently = Withdrawn(db, copenhagen, now.AddDays(-10));
            WithdrawnInAarhus = Withdrawn(db, aarhus, now.AddDays(-10));
            var asked = Person(db, copenhagen, ParticipantStatus.ErasureRequested);
            asked.UpdatedAt = now.AddDays(-31);
            AskedToBeDeleted = asked.Id;
            var abandoned = Person(db, null, ParticipantStatus.SigningUp);
            abandoned.UpdatedAt = now.AddDays(-100);
            AbandonedSignup = abandoned.Id;
            RecentSignup = Person(db, null, ParticipantStatus.SigningUp).Id;
            var erased = Person(db, copenhagen, ParticipantStatus.Erased);
            erased.UpdatedAt = now.AddDays(-100);
            erased.DisplayName = null;
            erased.Phone = null;
            Message(db, erased, "[erased]", now.AddDays(-120));
            ErasedLongAgo = erased.Id;
        }

        Guid Withdrawn(MentorBotDb db, Guid branch, DateTimeOffset at)
        {
            var person = Person(db, branch, ParticipantStatus.Active);
            db.Add(new Consent { ParticipantId = person.Id, TextVersion = "consent.v1", Language = "da", Channel = Channel.Sms, GivenAt = at.AddDays(-100), WithdrawnAt = at });
            Message(db, person, "hej", at.AddDays(-50));
            return person.Id;
        }

        int _phones;

        Participant Person(MentorBotDb db, Guid? branch, ParticipantStatus status, ParticipantRole role = ParticipantRole.Mentee)
        {
            var person = new Participant { BranchId = branch, Role = role, Status = status, DisplayName = "P", Phone = $"+45300000{++_phones:00}", CreatedAt = now.AddYears(-3), UpdatedAt = now.AddDays(-1) };
            db.Add(person);
            db.Add(new Conversation { ParticipantId = person.Id, Channel = Channel.Sms, ChannelConversationId = person.Phone, StartedAt = person.CreatedAt, LastActivityAt = person.CreatedAt });
            return person;
        }

        Guid Match(MentorBotDb db, Guid branch, Participant mentee, Participant mentor, DateTimeOffset endedAt)
        {
            var match = new Match { BranchId = branch, MenteeId = mentee.Id, MentorId = mentor.Id, Status = MatchStatus.Ended, RequestedAt = endedAt.AddMonths(-7), StartedAt = endedAt.AddMonths(-6), EndedAt = endedAt };
            db.Add(match);
            return match.Id;
        }

        Guid Message(MentorBotDb db, Participant person, string text, DateTimeOffset at, string? sid = null, string? error = null, DeliveryStatus status = DeliveryStatus.Delivered)
        {
            var conversation = db.ChangeTracker.Entries<Conversation>().Single(c => c.Entity.ParticipantId == person.Id).Entity;
            var message = new Message
            {
                ConversationId = conversation.Id, ParticipantId = person.Id, Channel = Channel.Sms, Direction = MessageDirection.Outbound, Author = MessageAuthor.Bot,
                Text = text, ProviderMessageId = sid, ErrorMessage = error, DeliveryStatus = status, CreatedAt = at, UpdatedAt = at,
            };
            db.Add(message);
            return message.Id;
        }
    }
}
