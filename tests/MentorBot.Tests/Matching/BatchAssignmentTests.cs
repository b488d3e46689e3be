using MentorBot.Bot.Matching;
using MentorBot.Data.Model;

namespace MentorBot.Tests.Matching;

/// <summary>The batch proposal against brute force on small cases: the same best total, within capacities, never an excluded pair.</summary>
public sealed class BatchAssignmentTests
{
    static readonly MatchingOptions Options = new();
    static readonly string[] Fields = ["it", "health", "engineering", "social", "business"];
    static readonly string[] Languages = ["ar", "fa", "so", "uk", "en"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void The_proposal_has_the_best_total_a_brute_force_finds(int seed)
    {
        var random = new Random(seed);
        var branches = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var mentees = Enumerable.Range(0, random.Next(2, 6)).Select(_ => new MenteeFacts(Guid.NewGuid(), random.Next(5) == 0 ? Track.Men : Track.Women,
            branches[random.Next(2)], null, Fields[random.Next(Fields.Length)], null, null, ["job", "network"], [Languages[random.Next(Languages.Length)]], DanishLevel.Beginner)).ToList();
        var mentors = Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
        {
            var capacity = random.Next(1, 3);
            return new MentorFacts(Guid.NewGuid(), random.Next(5) == 0 ? Track.Men : Track.Women, branches[random.Next(2)], null, Fields[random.Next(Fields.Length)], null, null,
                random.Next(2) == 0 ? ["job"] : ["network", "job"], [Languages[random.Next(Languages.Length)]], capacity, random.Next(0, capacity), random.Next(2) == 0, null);
        }).ToList();
        var history = new Dictionary<(Guid, Guid), PairHistory>();
        foreach (var mentee in mentees)
        {
            foreach (var mentor in mentors)
            {
                if (random.Next(6) == 0) history[(mentee.Id, mentor.Id)] = (PairHistory)random.Next(1, 4);
            }
        }

        PairHistory HistoryOf(Guid a, Guid b) => history.GetValueOrDefault((a, b));
        var proposal = BatchAssignment.Propose(mentees, mentors, HistoryOf, Options);

        Assert.Equal(BruteForce(mentees, mentors, HistoryOf, 0, mentors.Select(m => m.FreePlaces).ToArray()), proposal.TotalScore, 3);
        Assert.All(proposal.Pairs, pair => Assert.True(MatchScoring.Score(mentees.Single(m => m.Id == pair.MenteeId), mentors.Single(m => m.Id == pair.MentorId), HistoryOf(pair.MenteeId, pair.MentorId), Options).Eligible));
        Assert.All(mentors, mentor => Assert.True(proposal.Pairs.Count(p => p.MentorId == mentor.Id) <= mentor.FreePlaces));
        Assert.Equal(mentees.Count, proposal.Pairs.Select(p => p.MenteeId).Distinct().Count() + proposal.Unassigned.Count);
    }

    [Fact]
    public void A_mentor_with_two_places_takes_two_mentees_and_the_one_from_the_other_track_stays_unassigned()
    {
        var mentor = new MentorFacts(Guid.NewGuid(), Track.Women, null, null, "it", null, null, [], [], 2, 0, true, null);
        var women = Enumerable.Range(0, 2).Select(_ => new MenteeFacts(Guid.NewGuid(), Track.Women, null, null, "it", null, null, [], [], null)).ToList();
        var man = new MenteeFacts(Guid.NewGuid(), Track.Men, null, null, "it", null, null, [], [], null);

        var proposal = BatchAssignment.Propose([.. women, man], [mentor], (_, _) => PairHistory.None, Options);

        Assert.Equal(women.Select(w => w.Id).Order(), proposal.Pairs.Select(p => p.MenteeId).Order());
        Assert.Equal([man.Id], proposal.Unassigned);
        Assert.All(proposal.Pairs, pair => Assert.Contains(pair.Reasons, r => r.Code == ReasonCodes.SameField));
    }

    [Fact]
    public void The_best_total_can_mean_a_mentee_gets_her_second_best_mentor()
    {
        // Both mentees like A best; B suits only the first. The best total gives A to the second.
        var a = new MentorFacts(Guid.NewGuid(), Track.Women, null, null, "it", null, null, [], [], 1, 0, true, null);
        var b = new MentorFacts(Guid.NewGuid(), Track.Women, null, null, "engineering", null, null, [], [], 1, 0, true, null);
        var first = new MenteeFacts(Guid.NewGuid(), Track.Women, null, null, "it", null, null, [], [], null);
        var second = new MenteeFacts(Guid.NewGuid(), Track.Women, null, null, "health", null, null, [], ["ar"], null);
        var withA = a with { Languages = ["ar"] };

        var proposal = BatchAssignment.Propose([first, second], [withA, b], (_, _) => PairHistory.None, Options);

        Assert.Equal(b.Id, proposal.Pairs.Single(p => p.MenteeId == first.Id).MentorId);
        Assert.Equal(withA.Id, proposal.Pairs.Single(p => p.MenteeId == second.Id).MentorId);
    }

    // Every way to give each mentee a mentor with a free place, or none.
    static double BruteForce(List<MenteeFacts> mentees, List<MentorFacts> mentors, Func<Guid, Guid, PairHistory> history, int index, int[] free)
    {
        if (index == mentees.Count) return 0;
        var best = BruteForce(mentees, mentors, history, index + 1, free);
        for (var j = 0; j < mentors.Count; j++)
        {
            if (free[j] == 0 || MatchScoring.Points(mentees[index], mentors[j], history(mentees[index].Id, mentors[j].Id), Options) is not { } points) continue;
            free[j]--;
            best = Math.Max(best, points + BruteForce(mentees, mentors, history, index + 1, free));
            free[j]++;
        }

        return best;
    }
}
