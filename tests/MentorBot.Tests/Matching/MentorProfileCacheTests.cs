using MentorBot.Bot.Matching;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.Matching;

/// <summary>
/// Mentors' profiles are cached per node between questions (<see cref="MatchingFacts"/>): every change
/// made in between — also by plain SQL that does not stamp updated_at — must show in the next suggestions,
/// and eligibility (free place, nobody asking, active) is never taken from the cache.
/// </summary>
public sealed class MentorProfileCacheTests(PostgresFixture postgres)
{
    static readonly MatchingOptions Options = new();

    static async Task<IReadOnlyList<MentorSuggestion>> SuggestAsync(MatchingWorld world, Guid menteeId)
    {
        await using var db = TestDb.Open(world.Database);
        var mentee = await db.Participants.Include(p => p.Profile).SingleAsync(p => p.Id == menteeId);
        return await SuggestionFinder.FindAsync(db, mentee, new HashSet<Guid>(), Options, CancellationToken.None);
    }

    static async Task SqlAsync(MatchingWorld world, FormattableString sql)
    {
        await using var db = TestDb.Open(world.Database);
        await db.Database.ExecuteSqlAsync(sql);
    }

    [Fact]
    public async Task A_profile_changed_after_a_read_is_scored_as_it_is_now()
    {
        var world = await MatchingWorld.CreateAsync(postgres);
        var amal = await world.AddAsync(ParticipantRole.Mentee, "Amal", new Profile { ProfessionalField = "it" });
        var hanne = await world.AddAsync(ParticipantRole.Mentor, "Hanne", new Profile { ProfessionalField = "culture", Profession = "Painter" });

        var before = Assert.Single(await SuggestAsync(world, amal));
        Assert.DoesNotContain(before.Reasons, r => r.Code == ReasonCodes.SameField);

        await SqlAsync(world, $"UPDATE profiles SET professional_field = 'it', profession = 'Developer' WHERE participant_id = {hanne}");
        var after = Assert.Single(await SuggestAsync(world, amal));
        Assert.Contains(after.Reasons, r => r.Code == ReasonCodes.SameField);
        Assert.Equal("Developer", after.Profession);

        await SqlAsync(world, $"UPDATE participants SET display_name = 'Hanna' WHERE id = {hanne}");
        Assert.Equal("Hanna", Assert.Single(await SuggestAsync(world, amal)).FirstName);
    }

    [Fact]
    public async Task A_mentor_who_became_full_asked_or_paused_after_a_read_is_not_suggested_and_comes_back_when_free()
    {
        var world = await MatchingWorld.CreateAsync(postgres);
        var amal = await world.AddAsync(ParticipantRole.Mentee, "Amal", new Profile { ProfessionalField = "it" });
        var sahra = await world.AddAsync(ParticipantRole.Mentee, "Sahra", new Profile { ProfessionalField = "it" });
        var hanne = await world.AddAsync(ParticipantRole.Mentor, "Hanne", new Profile { ProfessionalField = "it", MentorCapacity = 1 });
        Assert.Equal(hanne, Assert.Single(await SuggestAsync(world, amal)).MentorId);

        var match = Guid.NewGuid();
        await SqlAsync(world, $"INSERT INTO matches (id, branch_id, mentee_id, mentor_id, status, requested_at) VALUES ({match}, {world.Copenhagen}, {sahra}, {hanne}, 'active', now())");
        Assert.Empty(await SuggestAsync(world, amal));

        await SqlAsync(world, $"UPDATE matches SET status = 'ended' WHERE id = {match}");
        var back = Assert.Single(await SuggestAsync(world, amal));
        Assert.DoesNotContain(back.Reasons, r => r.Code == ReasonCodes.NewMentor); // she has had a mentee now

        await SqlAsync(world, $"UPDATE matches SET status = 'requested' WHERE id = {match}");
        Assert.Empty(await SuggestAsync(world, amal));
        await SqlAsync(world, $"UPDATE matches SET status = 'expired' WHERE id = {match}");
        Assert.Single(await SuggestAsync(world, amal));

        await SqlAsync(world, $"UPDATE participants SET status = 'paused' WHERE id = {hanne}");
        Assert.Empty(await SuggestAsync(world, amal));
    }
}
