using MentorBot.Bot.Commands;
using MentorBot.Bot.Matching;
using MentorBot.Data.Model;
using MentorBot.Data.Settings;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Tests.Matching;

/// <summary>
/// The `demo-data` command as a real process on a real database: its mentors exercise the scoring model
/// (every field, education, the mentees' languages, capacities 1–3, both tracks, the configured partner
/// programs), mentor number i is always the same person, and running it again adds only who is missing.
/// </summary>
public sealed class DemoDataCommandTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Demo_mentors_cover_the_model_are_the_same_people_every_run_and_a_second_run_adds_nobody()
    {
        var database = await postgres.CreateDatabaseAsync();

        Assert.Contains("Added 40 demo mentors (0 were there already).", await DemoDataAsync(database, 40));
        var firstForty = await MentorsAsync(database);
        Assert.Contains("Added 10 demo mentors (40 were there already).", await DemoDataAsync(database, 50));
        Assert.Contains("Added 0 demo mentors (50 were there already).", await DemoDataAsync(database, 50));

        var mentors = await MentorsAsync(database);
        Assert.Equal(50, mentors.Count);
        Assert.All(firstForty, m => Assert.Equal(m, mentors.Single(n => n.Phone == m.Phone)));

        // The same as the pure function computes here: seeded per number, not per run or machine.
        await using var db = TestDb.Open(database);
        var branches = await db.Branches.OrderBy(b => b.Code).ToListAsync();
        var settings = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        settings.Configuration.AddJsonFile(Path.Combine(BotProcess.BotDirectory, "appsettings.json"));
        var programs = settings.AddValidatedOptions<MatchingOptions>().PartnerPrograms;
        Assert.Equal(
            Enumerable.Range(0, 50).Select(i => DemoMentor.For(i, branches, programs)).Select(m => Row.Of(m.ToParticipant(DateTimeOffset.UnixEpoch), m.Branch)).OrderBy(r => r.Phone),
            mentors.OrderBy(r => r.Phone));

        Assert.Equal(DemoMentor.Fields.Order(), mentors.Select(m => m.Field).Distinct().Order());
        Assert.Equal([1, 2, 3], mentors.Select(m => m.Capacity).Distinct().Order());
        Assert.True(mentors.Select(m => m.Education).Distinct().Count() >= 4, "education levels spread");
        Assert.Superset(new HashSet<string> { "ar", "fa", "so", "ti", "uk" }, mentors.SelectMany(m => m.Languages.Split(',')).ToHashSet());
        Assert.Contains(mentors, m => m.Track == Track.Men);
        Assert.All(mentors.Where(m => m.Track == Track.Men), m => Assert.Equal(Track.Mixed, branches.Single(b => b.Code == m.Branch).Track));
        Assert.True(mentors.Select(m => m.Branch).Distinct().Count() == branches.Count, "every branch has demo mentors");
        var partners = mentors.Where(m => m.Partner is not null).ToList();
        Assert.Equal(programs.Keys.Order(), partners.Select(m => m.Partner!).Distinct().Order());
        Assert.All(partners, m => Assert.Contains(m.Field, programs[m.Partner!]));
        Assert.All(mentors, m => Assert.Matches(@"^\+45999\d{5}$", m.Phone));
        Assert.Equal(50, await db.Consents.CountAsync(c => c.Purpose == ConsentPurpose.Participation && c.WithdrawnAt == null));
        Assert.Equal(50, await db.Participants.CountAsync(p => p.Role == ParticipantRole.Mentor && p.Status == ParticipantStatus.Active));
    }

    [Fact]
    public async Task A_mentor_count_that_is_not_a_number_is_refused_with_a_message_and_adds_nobody()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var demo = BotProcess.Start(["demo-data", "--mentors", "lots"], new Dictionary<string, string?> { ["ConnectionStrings__MentorBot"] = database });

        Assert.Equal(2, await demo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("--mentors must be a whole number from 0 to 100000, not 'lots'.", demo.Output);
        Assert.DoesNotContain("   at ", demo.Output);
        Assert.Empty(await MentorsAsync(database));
    }

    static async Task<string> DemoDataAsync(string database, int mentors)
    {
        await using var demo = BotProcess.Start(["demo-data", "--mentors", mentors.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new Dictionary<string, string?> { ["ConnectionStrings__MentorBot"] = database });
        Assert.True(await demo.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, demo.Output);
        return demo.Output;
    }

    static async Task<List<Row>> MentorsAsync(string database)
    {
        await using var db = TestDb.Open(database);
        return (await db.Participants.Include(p => p.Profile).Include(p => p.Branch).Where(p => p.Role == ParticipantRole.Mentor).ToListAsync())
            .Select(p => Row.Of(p, p.Branch!)).ToList();
    }

    /// <summary>What matching reads of a demo mentor (lists joined, so rows compare by value).</summary>
    sealed record Row(string Phone, string Name, Track Track, string Branch, string Field, string Profession, EducationLevel? Education,
        string Languages, string Offers, int Capacity, string? Partner)
    {
        public static Row Of(Participant p, Branch branch) => new(
            p.Phone!, p.DisplayName!, p.Track, branch.Code, p.Profile!.ProfessionalField!, p.Profile.Profession!, p.Profile.EducationLevel,
            string.Join(',', p.Profile.Languages), string.Join(',', p.Profile.Offers), p.Profile.MentorCapacity!.Value, p.Profile.PartnerCompany);
    }
}
