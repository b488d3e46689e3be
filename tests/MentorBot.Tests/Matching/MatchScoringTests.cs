using MentorBot.Bot.Matching;
using MentorBot.Data.Model;
using MentorBot.Data.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Tests.Matching;

/// <summary>The scoring model as a table: each row changes the plain pair in one way, says why, and what it must give.</summary>
public sealed class MatchScoringTests
{
    static readonly Guid Copenhagen = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    static readonly Guid Aarhus = Guid.Parse("00000000-0000-0000-0000-00000000000a");

    // Nothing in common but the track: the only reason is her free place (half of two places free).
    static readonly MenteeFacts Mentee = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), Track.Women, Copenhagen, "Valby", null, null, null, [], [], DanishLevel.Intermediate);
    static readonly MentorFacts Mentor = new(Guid.Parse("00000000-0000-0000-0000-000000000002"), Track.Women, Aarhus, "Aarhus", null, null, null, [], [], Capacity: 2, Load: 1, HasHadMatch: true, PartnerCompany: null);

    static readonly MatchingOptions Options = new()
    {
        PartnerPrograms = new(StringComparer.OrdinalIgnoreCase) { ["IT Partner A/S"] = ["it"] },
    };

    public sealed record Row(string Why, MenteeFacts Mentee, MentorFacts Mentor, PairHistory History, string? Reason, double? Points, Exclusion? Excluded = null);

    static IEnumerable<Row> Rows()
    {
        var w = Options.Weights;
        yield return new("the plain pair: only her free place counts", Mentee, Mentor, PairHistory.None, ReasonCodes.FreeCapacity, w.FreeCapacity / 2);
        yield return new("same field", Mentee with { Field = "it" }, Mentor with { Field = "it" }, PairHistory.None, ReasonCodes.SameField, w.SameField);
        yield return new("'other' is not a shared field", Mentee with { Field = "other" }, Mentor with { Field = "other" }, PairHistory.None, ReasonCodes.SameField, null);
        yield return new("IT and engineering are related", Mentee with { Field = "it" }, Mentor with { Field = "engineering" }, PairHistory.None, ReasonCodes.RelatedField, w.RelatedField);
        yield return new("health and social work are related, both ways", Mentee with { Field = "social" }, Mentor with { Field = "health" }, PairHistory.None, ReasonCodes.RelatedField, w.RelatedField);
        yield return new("IT and health are not related", Mentee with { Field = "it" }, Mentor with { Field = "health" }, PairHistory.None, ReasonCodes.RelatedField, null);
        yield return new("the same profession, however it is typed", Mentee with { Profession = "Nurse " }, Mentor with { Profession = "nurse" }, PairHistory.None, ReasonCodes.SameProfession, w.SameProfession);
        yield return new("mentor's education at least hers", Mentee with { EducationLevel = EducationLevel.Bachelor }, Mentor with { EducationLevel = EducationLevel.Master }, PairHistory.None, ReasonCodes.Education, w.Education);
        yield return new("mentor's education below hers", Mentee with { EducationLevel = EducationLevel.Master }, Mentor with { EducationLevel = EducationLevel.Vocational }, PairHistory.None, ReasonCodes.Education, null);
        yield return new("two of her goals offered", Mentee with { Goals = ["job", "network", "danish"] }, Mentor with { Offers = ["job", "danish", "society"] }, PairHistory.None, ReasonCodes.Offers, 2 * w.GoalOffered);
        yield return new("a shared language, her Danish is fair", Mentee with { Languages = ["ar"] }, Mentor with { Languages = ["ar", "en"] }, PairHistory.None, ReasonCodes.SharedLanguages, w.SharedLanguage);
        yield return new("a shared language counts double when she speaks little Danish", Mentee with { Languages = ["ar"], DanishLevel = DanishLevel.Beginner }, Mentor with { Languages = ["ar"] }, PairHistory.None, ReasonCodes.SharedLanguages, w.SharedLanguage * w.LowDanishLanguageFactor);
        yield return new("a second shared language adds half", Mentee with { Languages = ["ar", "fr"] }, Mentor with { Languages = ["fr", "ar"] }, PairHistory.None, ReasonCodes.SharedLanguages, w.SharedLanguage * 1.5);
        yield return new("Danish and 'other' are not shared languages", Mentee with { Languages = ["da", "other"] }, Mentor with { Languages = ["da", "other"] }, PairHistory.None, ReasonCodes.SharedLanguages, null);
        yield return new("same branch", Mentee, Mentor with { BranchId = Copenhagen }, PairHistory.None, ReasonCodes.SameBranch, w.SameBranch);
        yield return new("same city, whatever the case", Mentee, Mentor with { City = "VALBY" }, PairHistory.None, ReasonCodes.SameCity, w.SameCity);
        yield return new("a partner program for her field", Mentee with { Field = "it" }, Mentor with { PartnerCompany = "IT partner a/s" }, PairHistory.None, ReasonCodes.PartnerProgram, w.PartnerProgram);
        yield return new("a partner program for another field", Mentee with { Field = "health" }, Mentor with { PartnerCompany = "IT Partner A/S" }, PairHistory.None, ReasonCodes.PartnerProgram, null);
        yield return new("a company that is no partner program", Mentee with { Field = "it" }, Mentor with { PartnerCompany = "Some Shop" }, PairHistory.None, ReasonCodes.PartnerProgram, null);
        yield return new("all places free: the whole capacity weight", Mentee, Mentor with { Load = 0 }, PairHistory.None, ReasonCodes.FreeCapacity, w.FreeCapacity);
        yield return new("a mentor who never had a mentee gets her chance", Mentee, Mentor with { HasHadMatch = false }, PairHistory.None, ReasonCodes.NewMentor, w.NewMentor);
        yield return new("tracks are never crossed", Mentee, Mentor with { Track = Track.Men }, PairHistory.None, null, null, Exclusion.TrackCrossed);
        yield return new("not the same person", Mentee, Mentor with { Id = Mentee.Id }, PairHistory.None, null, null, Exclusion.SamePerson);
        yield return new("a paused or opted-out mentor", Mentee, Mentor with { Available = false }, PairHistory.None, null, null, Exclusion.Unavailable);
        yield return new("a blocked pair", Mentee, Mentor, PairHistory.Blocked, null, null, Exclusion.Blocked);
        yield return new("she declined this mentee before", Mentee, Mentor, PairHistory.Declined, null, null, Exclusion.DeclinedBefore);
        yield return new("they were a pair (or asked) before", Mentee, Mentor, PairHistory.Paired, null, null, Exclusion.AlreadyPaired);
        yield return new("no free place", Mentee, Mentor with { Load = 2 }, PairHistory.None, null, null, Exclusion.NoFreePlace);
    }

    [Fact]
    public void Every_row_gives_its_reason_or_exclusion()
    {
        var failures = new List<string>();
        foreach (var row in Rows())
        {
            var score = MatchScoring.Score(row.Mentee, row.Mentor, row.History, Options);
            var reason = row.Reason is null ? null : score.Reasons.SingleOrDefault(r => r.Code == row.Reason);
            var ok = row.Excluded is { } exclusion
                ? score.Exclusion == exclusion && score.Points == 0
                : score.Eligible && (row.Points is { } points ? reason?.Points == points : reason is null);
            if (!ok)
            {
                failures.Add($"{row.Why}: got {score.Exclusion?.ToString() ?? "eligible"}, {string.Join(", ", score.Reasons.Select(r => $"{r.Code}={r.Points}"))}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Points_without_reasons_equal_the_full_score_for_every_row()
    {
        Assert.All(Rows(), row => Assert.Equal(
            MatchScoring.Score(row.Mentee, row.Mentor, row.History, Options) is { Eligible: true } score ? score.Points : null,
            MatchScoring.Points(row.Mentee, row.Mentor, row.History, Options)));
    }

    [Fact]
    public void Reasons_come_best_first_and_name_what_they_found()
    {
        var score = MatchScoring.Score(Mentee with { Field = "it", Languages = ["ar", "so"], DanishLevel = DanishLevel.None }, Mentor with { Field = "it", Languages = ["so", "ar"], BranchId = Copenhagen }, PairHistory.None, Options);

        Assert.Equal([ReasonCodes.SameField, ReasonCodes.SharedLanguages, ReasonCodes.SameBranch, ReasonCodes.FreeCapacity], score.Reasons.Select(r => r.Code));
        Assert.Equal(("it", "ar,so"), (score.Reasons[0].Value, score.Reasons[1].Value)); // a tie keeps the model's order
        Assert.Equal(30 + 30 + 15 + 2.5, score.Points);
    }

    [Fact]
    public void Weights_come_from_configuration()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Matching:Weights:SameField"] = "50",
            ["Matching:PartnerPrograms:itcompany:0"] = "it",
            ["Matching:PartnerPrograms:itcompany:1"] = "engineering",
        });

        var atSetup = builder.AddValidatedOptions<MatchingOptions>();
        using var host = builder.Build();

        foreach (var options in new[] { atSetup, host.Services.GetRequiredService<MatchingOptions>() })
        {
            Assert.Equal((50, 15), (options.Weights.SameField, options.Weights.SameBranch));
            Assert.Equal(["it", "engineering"], options.PartnerPrograms["ITCompany"]);
        }
    }

    [Fact]
    public void Related_fields_are_symmetric_and_use_only_the_signup_fields()
    {
        foreach (var a in FieldTaxonomy.Fields)
        {
            foreach (var b in FieldTaxonomy.Fields)
            {
                Assert.Equal(FieldTaxonomy.AreRelated(a, b), FieldTaxonomy.AreRelated(b, a));
            }
        }

        var signupFields = File.ReadAllText(Path.Combine(Dialogs.TestPaths.Dialogs, "mentee_signup.yaml"));
        Assert.Contains("choices: [" + string.Join(", ", FieldTaxonomy.Fields) + "]", signupFields);
    }
}
