using MentorBot.Bot.Access;
using MentorBot.Bot.Matching;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Matching;

/// <summary>What coordinators do by hand: pair, override a full mentor, end, block, propose — in their branches only, each in the history and the audit log.</summary>
public sealed class MatchAdministrationTests(PostgresFixture postgres)
{
    static Profile Mentor(int capacity = 1) => new() { ProfessionalField = "it", MentorCapacity = capacity };

    static Profile Mentee() => new() { ProfessionalField = "it", Languages = ["fa"] };

    [Fact]
    public async Task A_coordinator_pairs_a_mentee_and_a_mentor_and_the_match_starts_with_its_prompts()
    {
        var world = await MatchingWorld.CreateAsync(postgres);
        var mentee = await world.AddAsync(ParticipantRole.Mentee, "Amal", Mentee());
        var mentor = await world.AddAsync(ParticipantRole.Mentor, "Hanne", Mentor());

        var match = await world.WithAdministrationAsync(a => a.CreateAsync(world.Coordinator, mentee, mentor, null, CancellationToken.None));

        await using var db = TestDb.Open(world.Database);
        var stored = await db.Matches.Include(m => m.History).SingleAsync();
        Assert.Equal((match.Id, MatchStatus.Active, world.Copenhagen, world.Clock.Now), (stored.Id, stored.Status, stored.BranchId, stored.StartedAt));
        var change = Assert.Single(stored.History);
        Assert.Equal(((MatchStatus?)null, MatchStatus.Active, ActorKind.Coordinator, world.Coordinator.CoordinatorId), (change.FromStatus, change.ToStatus, change.ChangedBy, change.ActorId));
        Assert.True(await db.ScheduledPrompts.AnyAsync(p => p.MatchId == match.Id && p.Kind == "start_survey"));
        var audit = await db.AuditLog.SingleAsync();
        Assert.Equal(("match.created", "match", match.Id, world.Copenhagen), (audit.Action, audit.SubjectKind, audit.SubjectId, audit.BranchId));
    }

    [Fact]
    public async Task A_full_mentor_needs_a_reason_to_override_her_capacity()
    {
        var world = await MatchingWorld.CreateAsync(postgres);
        var mentor = await world.AddAsync(ParticipantRole.Mentor, "Hanne", Mentor(capacity: 1));
        var first = await world.AddAsync(ParticipantRole.Mentee, "Amal", Mentee());
        var second = await world.AddAsync(ParticipantRole.Mentee, "Sahra", Mentee());
        await world.WithAdministrationAsync(a => a.CreateAsync(world.Coordinator, first, mentor, null, CancellationToken.None));

        var refused = await Assert.ThrowsAsync<MatchAdministrationException>(() => world.WithAdministrationAsync(a => a.CreateAsync(world.Coordinator, second, mentor, " ", CancellationToken.None)));
        var match = await world.WithAdministrationAsync(a => a.CreateAsync(world.Coordinator, second, mentor, "She asked for a second mentee", CancellationToken.None));

        Assert.Equal((MatchAdministrationError.NoFreePlace, 409), (refused.Error, refused.StatusCode));
        await using var db = TestDb.Open(world.Database);
        Assert.Equal("capacity override: She asked for a second mentee", (await db.MatchStatusChanges.SingleAsync(c => c.MatchId == match.Id)).Reason);
        Assert.Contains("\"capacityOverride\": true", (await db.AuditLog.SingleAsync(e => e.SubjectId == match.Id)).Details);
    }

    [Fact]
    public async Task The_rules_no_override_lifts_and_other_branches_are_refused()
    {
        var world = await MatchingWorld.CreateAsync(postgres);
        var mentee = await world.AddAsync(ParticipantRole.Mentee, "Amal", Mentee());
        var man = await world.AddAsync(ParticipantRole.Mentor, "Omar", Mentor(), track: Track.Men);
        var mentor = await world.AddAsync(ParticipantRole.Mentor, "Hanne", Mentor());
        var inAarhus = await world.AddAsync(ParticipantRole.Mentee, "Leila", Mentee(), world.Aarhus);

        var crossed = await Assert.ThrowsAsync<MatchAdministrationException>(() => world.WithAdministrationAsync(a => a.CreateAsync(world.Coordinator, mentee, man, "override", CancellationToken.None)));
        var elsewhere = await Assert.ThrowsAsync<MatchAdministrationException>(() => world.WithAdministrationAsync(a => a.CreateAsync(world.Coordinator, inAarhus, mentor, null, CancellationToken.None)));
        var swapped = await Assert.ThrowsAsync<MatchAdministrationException>(() => world.WithAdministrationAsync(a => a.CreateAsync(world.Coordinator, mentor, mentee, null, CancellationToken.None)));
        await world.WithAdministrationAsync(async a => { await a.BlockAsync(world.Coordinator, mentee, mentor, "conflict", CancellationToken.None); return 0; });
        var blocked = await Assert.ThrowsAsync<MatchAdministrationException>(() => world.WithAdministrationAsync(a => a.CreateAsync(world.Coordinator, mentee, mentor, null, CancellationToken.None)));

        Assert.Equal((MatchAdministrationError.NotAllowed, 422), (crossed.Error, crossed.StatusCode));
        Assert.Equal((MatchAdministrationError.NotFound, 404), (elsewhere.Error, elsewhere.StatusCode));
        Assert.Equal(MatchAdministrationError.NotFound, swapped.Error);
        Assert.Equal(MatchAdministrationError.NotAllowed, blocked.Error);
        await using var db = TestDb.Open(world.Database);
        Assert.Equal(0, await db.Matches.CountAsync());
    }

    [Fact]
    public async Task Ending_a_match_keeps_the_reason_and_cancels_the_prompts_still_to_come()
    {
        var world = await MatchingWorld.CreateAsync(postgres);
        var mentee = await world.AddAsync(ParticipantRole.Mentee, "Amal", Mentee());
        var mentor = await world.AddAsync(ParticipantRole.Mentor, "Hanne", Mentor());
        var match = await world.WithAdministrationAsync(a => a.CreateAsync(world.Coordinator, mentee, mentor, null, CancellationToken.None));

        var empty = await Assert.ThrowsAsync<MatchAdministrationException>(() => world.WithAdministrationAsync(a => a.EndAsync(world.Coordinator, match.Id, "", CancellationToken.None)));
        world.Clock.Now = world.Clock.Now.AddDays(30);
        var ended = await world.WithAdministrationAsync(a => a.EndAsync(world.Coordinator, match.Id, "Amal moved to Aalborg", CancellationToken.None));
        var again = await Assert.ThrowsAsync<MatchAdministrationException>(() => world.WithAdministrationAsync(a => a.EndAsync(world.Coordinator, match.Id, "twice", CancellationToken.None)));

        Assert.Equal(422, empty.StatusCode);
        Assert.Equal(409, again.StatusCode);
        Assert.Equal((MatchStatus.Ended, world.Clock.Now, "Amal moved to Aalborg"), (ended.Status, ended.EndedAt, ended.EndReason));
        await using var db = TestDb.Open(world.Database);
        Assert.All(await db.ScheduledPrompts.Where(p => p.MatchId == match.Id).ToListAsync(), p => Assert.Equal(PromptStatus.Cancelled, p.Status));
        Assert.Equal(MatchStatus.Ended, (await db.MatchStatusChanges.OrderBy(c => c.Id).LastAsync()).ToStatus);
        Assert.Equal(["match.created", "match.ended"], await db.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Blocking_a_pair_cancels_the_open_request_and_she_is_never_suggested_again()
    {
        var world = await MatchingWorld.CreateAsync(postgres);
        var mentee = await world.AddAsync(ParticipantRole.Mentee, "Amal", Mentee());
        var mentor = await world.AddAsync(ParticipantRole.Mentor, "Hanne", Mentor());
        await world.AddAsync(ParticipantRole.Mentor, "Mette", new Profile { ProfessionalField = "health", MentorCapacity = 1 });
        var amal = await world.ChatAsync(mentee);
        Assert.Contains("1. Hanne", (await amal.StartAsync("match_suggestions", null, null))[0]);
        await amal.SayAsync("1");

        await world.WithAdministrationAsync(async a => { await a.BlockAsync(world.Coordinator, mentee, mentor, "conflict", CancellationToken.None); return 0; });
        await world.WithAdministrationAsync(async a => { await a.BlockAsync(world.Coordinator, mentee, mentor, "twice", CancellationToken.None); return 0; });

        await using (var db = TestDb.Open(world.Database))
        {
            var block = await db.BlockedPairs.SingleAsync();
            Assert.Equal((mentee, mentor, world.Coordinator.CoordinatorId, "conflict"), (block.MenteeId, block.MentorId, block.CoordinatorId, block.Reason));
            var request = await db.Matches.SingleAsync();
            Assert.Equal((MatchStatus.Cancelled, "pair blocked"), (request.Status, request.EndReason));
            Assert.Equal(PromptStatus.Cancelled, (await db.ScheduledPrompts.SingleAsync(p => p.Kind == "match_request")).Status);
            Assert.Equal(2, await db.AuditLog.CountAsync(e => e.Action == "pair.blocked"));
        }

        Assert.DoesNotContain("Hanne", (await amal.StartAsync("match_suggestions", null, null))[0]);
    }

    [Fact]
    public async Task The_batch_proposal_pairs_the_waiting_mentees_of_her_branches_and_changes_nothing()
    {
        var world = await MatchingWorld.CreateAsync(postgres);
        var itMentee = await world.AddAsync(ParticipantRole.Mentee, "Amal", Mentee());
        var healthMentee = await world.AddAsync(ParticipantRole.Mentee, "Sahra", new Profile { ProfessionalField = "health" });
        var matched = await world.AddAsync(ParticipantRole.Mentee, "Leila", Mentee());
        await world.AddAsync(ParticipantRole.Mentee, "Nour", Mentee(), world.Aarhus); // another branch: not hers to propose
        var itMentor = await world.AddAsync(ParticipantRole.Mentor, "Hanne", Mentor(capacity: 2));
        var healthMentor = await world.AddAsync(ParticipantRole.Mentor, "Mette", new Profile { ProfessionalField = "health", MentorCapacity = 1 });
        await world.WithAdministrationAsync(a => a.CreateAsync(world.Coordinator, matched, itMentor, null, CancellationToken.None));

        var proposal = await world.WithAdministrationAsync(a => a.ProposeAsync(world.Coordinator, CancellationToken.None));

        Assert.Equal(
            [(itMentee, itMentor), (healthMentee, healthMentor)],
            proposal.Pairs.Select(p => (p.MenteeId, p.MentorId)).OrderBy(p => p.MenteeId == itMentee ? 0 : 1));
        Assert.Empty(proposal.Unassigned);
        await using var db = TestDb.Open(world.Database);
        Assert.Equal(1, await db.Matches.CountAsync());
        Assert.True(await db.AuditLog.AnyAsync(e => e.Action == "matches.batch_proposed"));
    }

    [Fact]
    public async Task An_admin_scope_covers_a_branch_created_after_it_was_made()
    {
        var world = await MatchingWorld.CreateAsync(postgres);
        var admin = BranchScope.Admin(world.Coordinator.CoordinatorId!.Value); // made before the branch exists
        Guid roskilde;
        await using (var db = TestDb.Open(world.Database))
        {
            var branch = new Branch { Code = "roskilde", Name = "Roskilde", City = "Roskilde", CreatedAt = world.Clock.Now };
            db.Branches.Add(branch);
            await db.SaveChangesAsync();
            roskilde = branch.Id;
        }

        var mentee = await world.AddAsync(ParticipantRole.Mentee, "Amal", Mentee(), roskilde);
        var mentor = await world.AddAsync(ParticipantRole.Mentor, "Hanne", Mentor(), roskilde);

        var proposal = await world.WithAdministrationAsync(a => a.ProposeAsync(admin, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<MatchAdministrationException>(() => world.WithAdministrationAsync(a => a.CreateAsync(world.Coordinator, mentee, mentor, null, CancellationToken.None)));
        var match = await world.WithAdministrationAsync(a => a.CreateAsync(admin, mentee, mentor, null, CancellationToken.None));

        Assert.Equal([(mentee, mentor)], proposal.Pairs.Select(p => (p.MenteeId, p.MentorId)));
        Assert.Equal(404, refused.StatusCode); // a Copenhagen coordinator's scope does not reach Roskilde
        Assert.Equal((roskilde, MatchStatus.Active), (match.BranchId, match.Status));
    }
}
