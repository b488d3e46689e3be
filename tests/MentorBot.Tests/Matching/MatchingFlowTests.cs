using MentorBot.Bot.Access;
using MentorBot.Bot.Matching;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Matching;

/// <summary>
/// The whole flow through the real dialogs, actions and database: a mentee gets three mentors with
/// reasons, picks one, the mentor accepts (the match starts) or declines (the mentee is offered others),
/// and where the branch wants it a coordinator approves first.
/// </summary>
public sealed class MatchingFlowTests(PostgresFixture postgres)
{
    static Profile Amal() => new() { ProfessionalField = "health", Profession = "Nurse", Languages = ["ar"], DanishLevel = DanishLevel.Beginner, Goals = ["job", "network"] };

    static async Task<(MatchingWorld World, Guid Mentee, Guid Hanne)> AmalAndFourMentorsAsync(PostgresFixture postgres, bool coordinatorApproves = false)
    {
        var world = await MatchingWorld.CreateAsync(postgres, coordinatorApproves);
        var mentee = await world.AddAsync(ParticipantRole.Mentee, "Amal", Amal());
        var hanne = await world.AddAsync(ParticipantRole.Mentor, "Hanne", new Profile { ProfessionalField = "health", Profession = "Nurse", Languages = ["ar"], Offers = ["job"], MentorCapacity = 1 });
        await world.AddAsync(ParticipantRole.Mentor, "Lone", new Profile { ProfessionalField = "social", Profession = "Social worker", MentorCapacity = 1 });
        await world.AddAsync(ParticipantRole.Mentor, "Mette", new Profile { ProfessionalField = "it", Profession = "Developer", MentorCapacity = 2 }, world.Aarhus);
        await world.AddAsync(ParticipantRole.Mentor, "Karen", new Profile { ProfessionalField = "trades", Profession = "Electrician", MentorCapacity = 1 }, world.Aarhus);
        await world.AddAsync(ParticipantRole.Mentor, "Omar", new Profile { ProfessionalField = "health", Profession = "Nurse", Languages = ["ar"], MentorCapacity = 1 }, track: Track.Men);
        return (world, mentee, hanne);
    }

    [Fact]
    public async Task A_mentee_gets_three_mentors_with_reasons_picks_the_first_and_the_mentors_yes_starts_the_match()
    {
        var (world, menteeId, hanneId) = await AmalAndFourMentorsAsync(postgres);
        var amal = await world.ChatAsync(menteeId);

        var list = await amal.StartAsync("match_suggestions", null, null);

        var lines = list[0].Split('\n');
        Assert.Equal("1. Hanne - Nurse - same field: Health and care - speaks Arabic - Copenhagen", lines[1]);
        Assert.StartsWith("2. Lone - Social worker - related field: Social work", lines[2]);
        Assert.StartsWith("3. ", lines[3]);
        Assert.DoesNotContain("Omar", list[0]); // the men's track is never crossed

        Assert.Equal(["Thank you! We have asked the mentor. You will hear from us within a few days."], await amal.SayAsync("1"));
        Guid matchId;
        await using (var db = TestDb.Open(world.Database))
        {
            var match = await db.Matches.SingleAsync();
            Assert.Equal((menteeId, hanneId, MatchStatus.Requested), (match.MenteeId, match.MentorId, match.Status));
            Assert.True(match.Score > 50);
            Assert.Equal("match_request", (await db.ScheduledPrompts.SingleAsync(p => p.ParticipantId == hanneId)).DialogId);
            matchId = match.Id;
        }

        var hanne = await world.ChatAsync(hanneId);
        Assert.Contains("Amal would like you as a mentor", (await hanne.StartAsync("match_request", matchId, null))[0]);
        Assert.StartsWith("Wonderful! You are now Amal's mentor.", (await hanne.SayAsync("1"))[0]);

        await using var after = TestDb.Open(world.Database);
        var started = await after.Matches.Include(m => m.History).SingleAsync();
        Assert.Equal((MatchStatus.Active, world.Clock.Now), (started.Status, started.StartedAt));
        Assert.Contains(started.History, h => h.FromStatus == MatchStatus.Requested && h.ToStatus == MatchStatus.Active && h.ActorId == hanneId);
        Assert.True(await after.ScheduledPrompts.AnyAsync(p => p.ParticipantId == menteeId && p.Kind == "start_survey"));
    }

    [Fact]
    public async Task A_mentor_who_declines_gives_a_reason_and_the_mentee_is_offered_the_others()
    {
        var (world, menteeId, hanneId) = await AmalAndFourMentorsAsync(postgres);
        var amal = await world.ChatAsync(menteeId);
        await amal.StartAsync("match_suggestions", null, null);
        await amal.SayAsync("1");
        Guid matchId;
        await using (var db = TestDb.Open(world.Database)) matchId = (await db.Matches.SingleAsync()).Id;

        var hanne = await world.ChatAsync(hanneId);
        await hanne.StartAsync("match_request", matchId, null);
        await hanne.SayAsync("2");
        Assert.Equal(["Thank you for answering. We will help Amal find another mentor."], await hanne.SayAsync("Too busy this spring"));

        ScheduledPrompt prompt;
        await using (var db = TestDb.Open(world.Database))
        {
            var match = await db.Matches.SingleAsync();
            Assert.Equal((MatchStatus.Declined, "Too busy this spring"), (match.Status, match.DeclineReason));
            prompt = await db.ScheduledPrompts.SingleAsync(p => p.ParticipantId == menteeId);
            Assert.Equal(("match_declined", "prompt_notice", world.Clock.Now), (prompt.Kind, prompt.DialogId, prompt.DueAt));
        }

        // What the scheduler starts for her: a kind word without the mentor's reason, then the next
        // suggestions, without the mentor who declined.
        var next = await amal.StartAsync(prompt.DialogId, matchId, null, prompt.Kind);
        Assert.Equal("Hanne cannot be your mentor this time. That happens, and it is nobody's fault. Let us find another mentor for you.", next[0]);
        Assert.DoesNotContain(next, line => line.Contains("busy", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Hanne", next[1]);
        Assert.StartsWith("1. Lone", next[1].Split('\n')[1]);
    }

    [Fact]
    public async Task A_mentor_being_asked_is_not_suggested_to_anyone_else_until_she_answers()
    {
        var (world, menteeId, _) = await AmalAndFourMentorsAsync(postgres);
        var other = await world.AddAsync(ParticipantRole.Mentee, "Sahra", Amal());
        await (await world.ChatAsync(menteeId)).StartAsync("match_suggestions", null, null);
        await (await world.ChatAsync(menteeId)).SayAsync("1");

        var list = await (await world.ChatAsync(other)).StartAsync("match_suggestions", null, null);

        Assert.DoesNotContain("Hanne", list[0]);
    }

    [Fact]
    public async Task Where_the_branch_approves_matches_a_yes_waits_for_the_coordinator_whose_approval_starts_it()
    {
        var (world, menteeId, hanneId) = await AmalAndFourMentorsAsync(postgres, coordinatorApproves: true);
        var amal = await world.ChatAsync(menteeId);
        await amal.StartAsync("match_suggestions", null, null);
        await amal.SayAsync("1");
        Guid matchId;
        await using (var db = TestDb.Open(world.Database)) matchId = (await db.Matches.SingleAsync()).Id;
        var hanne = await world.ChatAsync(hanneId);
        await hanne.StartAsync("match_request", matchId, null);

        Assert.StartsWith("Thank you for saying yes! A coordinator will confirm", (await hanne.SayAsync("1"))[0]);
        await using (var db = TestDb.Open(world.Database))
        {
            Assert.Equal(MatchStatus.PendingApproval, (await db.Matches.SingleAsync()).Status);
            Assert.False(await db.ScheduledPrompts.AnyAsync(p => p.Kind == "start_survey"));
        }

        var elsewhere = BranchScope.Coordinator(world.Coordinator.CoordinatorId!.Value, [world.Aarhus]);
        var refused = await Assert.ThrowsAsync<MatchAdministrationException>(() => world.WithAdministrationAsync(a => a.ApproveAsync(elsewhere, matchId, CancellationToken.None)));
        Assert.Equal(404, refused.StatusCode);

        world.Clock.Now = world.Clock.Now.AddDays(1);
        var approved = await world.WithAdministrationAsync(a => a.ApproveAsync(world.Coordinator, matchId, CancellationToken.None));

        Assert.Equal((MatchStatus.Active, world.Clock.Now), (approved.Status, approved.StartedAt));
        await using var after = TestDb.Open(world.Database);
        Assert.True(await after.ScheduledPrompts.AnyAsync(p => p.ParticipantId == menteeId && p.Kind == "start_survey" && p.DueAt == world.Clock.Now.AddMinutes(1)));
        Assert.Equal(
            [(null, MatchStatus.Requested, ActorKind.Participant), (MatchStatus.Requested, MatchStatus.PendingApproval, ActorKind.Participant), (MatchStatus.PendingApproval, MatchStatus.Active, ActorKind.Coordinator)],
            (await after.MatchStatusChanges.OrderBy(c => c.Id).ToListAsync()).Select(c => ((MatchStatus?)c.FromStatus, c.ToStatus, c.ChangedBy)));
        var audit = await after.AuditLog.SingleAsync();
        Assert.Equal(("match.approved", matchId, world.Coordinator.CoordinatorId), (audit.Action, audit.SubjectId, audit.ActorId));
        await Assert.ThrowsAsync<MatchAdministrationException>(() => world.WithAdministrationAsync(a => a.ApproveAsync(world.Coordinator, matchId, CancellationToken.None)));
    }
}
