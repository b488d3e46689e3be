using MentorBot.Bot.Matching;
using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MentorBot.Tests.Matching;

/// <summary>
/// Mentors are held per node between questions (<see cref="MentorRoster"/>) and brought up to date from the
/// change log its triggers write: every change made in between — also by plain SQL that does not stamp
/// updated_at, also one committed after a later one — must show in the next suggestions, and a change
/// rolled back must not.
/// </summary>
public sealed class MentorProfileCacheTests(PostgresFixture postgres)
{
    static readonly MatchingOptions Options = new();

    static async Task<IReadOnlyList<MentorSuggestion>> SuggestAsync(MatchingWorld world, Guid menteeId)
    {
        // On a data source, as the app opens its contexts: the roster's own connection must still log in.
        await using var source = NpgsqlDataSource.Create(world.Database);
        await using var db = new MentorBotDb(new DbContextOptionsBuilder<MentorBotDb>().UseNpgsql(source).Options);
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

    [Fact]
    public async Task A_change_committed_after_a_later_one_was_read_still_shows()
    {
        // Transaction A starts and changes Hanne; B changes Mette and commits; a read sees B only; then A
        // commits. Ordered by when a change was written, A's would look older than what was read already.
        var world = await MatchingWorld.CreateAsync(postgres);
        var amal = await world.AddAsync(ParticipantRole.Mentee, "Amal", new Profile { ProfessionalField = "it" });
        var hanne = await world.AddAsync(ParticipantRole.Mentor, "Hanne", new Profile { ProfessionalField = "culture" });
        var mette = await world.AddAsync(ParticipantRole.Mentor, "Mette", new Profile { ProfessionalField = "culture" });
        Assert.Equal(2, (await SuggestAsync(world, amal)).Count);

        await using var slow = TestDb.Open(world.Database);
        await using var transaction = await slow.Database.BeginTransactionAsync();
        await slow.Database.ExecuteSqlAsync($"UPDATE profiles SET professional_field = 'it' WHERE participant_id = {hanne}");
        await SqlAsync(world, $"UPDATE participants SET display_name = 'Mette B' WHERE id = {mette}");
        Assert.Contains(await SuggestAsync(world, amal), s => s.FirstName == "Mette B");
        Assert.DoesNotContain(await SuggestAsync(world, amal), s => s.Reasons.Any(r => r.Code == ReasonCodes.SameField));

        await transaction.CommitAsync();
        var first = (await SuggestAsync(world, amal))[0];
        Assert.Equal(hanne, first.MentorId);
        Assert.Contains(first.Reasons, r => r.Code == ReasonCodes.SameField);
    }

    [Fact]
    public async Task A_change_rolled_back_is_never_seen_and_a_mentor_who_left_drops_out()
    {
        var world = await MatchingWorld.CreateAsync(postgres);
        var amal = await world.AddAsync(ParticipantRole.Mentee, "Amal", new Profile { ProfessionalField = "it" });
        var hanne = await world.AddAsync(ParticipantRole.Mentor, "Hanne", new Profile { ProfessionalField = "it" });
        Assert.Single(await SuggestAsync(world, amal));

        await using (var aborted = TestDb.Open(world.Database))
        {
            await using var transaction = await aborted.Database.BeginTransactionAsync();
            await aborted.Database.ExecuteSqlAsync($"UPDATE participants SET status = 'paused' WHERE id = {hanne}");
            Assert.Single(await SuggestAsync(world, amal)); // not committed: still there
            await transaction.RollbackAsync();
        }

        Assert.Equal(hanne, Assert.Single(await SuggestAsync(world, amal)).MentorId);

        // A new mentor appears; one who opts out, and one whose role changes, leave.
        var mette = await world.AddAsync(ParticipantRole.Mentor, "Mette", new Profile { ProfessionalField = "it" });
        Assert.Equal(2, (await SuggestAsync(world, amal)).Count);
        await SqlAsync(world, $"UPDATE participants SET opted_out_at = now() WHERE id = {mette}");
        Assert.Equal(hanne, Assert.Single(await SuggestAsync(world, amal)).MentorId);
        await SqlAsync(world, $"UPDATE participants SET role = 'mentee' WHERE id = {hanne}");
        Assert.Empty(await SuggestAsync(world, amal));
    }

    [Fact]
    public async Task A_renamed_branch_shows_in_the_next_suggestions()
    {
        var world = await MatchingWorld.CreateAsync(postgres);
        var amal = await world.AddAsync(ParticipantRole.Mentee, "Amal", new Profile { ProfessionalField = "it" });
        await world.AddAsync(ParticipantRole.Mentor, "Hanne", new Profile { ProfessionalField = "it" });
        Assert.Equal("copenhagen", Assert.Single(await SuggestAsync(world, amal)).BranchCode);

        await SqlAsync(world, $"UPDATE branches SET code = 'kbh' WHERE id = {world.Copenhagen}");
        Assert.Equal("kbh", Assert.Single(await SuggestAsync(world, amal)).BranchCode);
    }
}
