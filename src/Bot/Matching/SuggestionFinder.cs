using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Matching;

/// <summary>
/// The mentors a mentee may choose from: every mentor of her track with a free place whom no one is
/// asking right now (so the best-scoring mentors are not flooded: at most one open request each),
/// scored by <see cref="MatchScoring"/> against her history (blocked, declined, earlier pairs are out),
/// best first. Scores within <see cref="MatchingOptions.NearEqualPoints"/> of each other count as equal
/// and then the mentor with fewer mentees comes first; with the new-mentor bonus this gives new mentors
/// their chance. Deterministic: the same data gives the same list.
/// </summary>
public static class SuggestionFinder
{
    public static async Task<IReadOnlyList<MentorSuggestion>> FindAsync(MentorBotDb db, Participant mentee, IReadOnlySet<Guid> excluded, MatchingOptions options, CancellationToken cancellationToken)
    {
        var facts = MatchingFacts.Of(mentee);
        var history = await MatchingFacts.HistoryOfMenteeAsync(db, mentee.Id, cancellationToken);
        var mentors = await MatchingFacts.MentorsAsync(db, mentee.Track, withoutOpenRequest: true, branchIds: null, cancellationToken);
        return Rank(facts, mentors, history, excluded, options);
    }

    /// <summary>The pure part: candidates and history in, the suggestions out.</summary>
    public static IReadOnlyList<MentorSuggestion> Rank(MenteeFacts mentee, IEnumerable<MentorCandidate> mentors, IReadOnlyDictionary<Guid, PairHistory> history, IReadOnlySet<Guid> excluded, MatchingOptions options)
    {
        // Points only (no reasons, no allocation) for every candidate, kept in a running top list of
        // SuggestionCount (one pass, no sort of thousands); the reasons for the few shown.
        var band = Math.Max(options.NearEqualPoints, 0.001);
        var count = Math.Max(0, options.SuggestionCount);
        var best = new List<Ranked>(count + 1);
        foreach (var mentor in mentors)
        {
            if (excluded.Contains(mentor.Facts.Id)) continue;
            if (MatchScoring.Points(mentee, mentor.Facts, history.GetValueOrDefault(mentor.Facts.Id), options) is not { } points) continue;
            var ranked = new Ranked(mentor, points, Math.Floor(points / band));
            if (best.Count == count && (count == 0 || Compare(ranked, best[^1]) >= 0)) continue;
            var at = best.Count;
            while (at > 0 && Compare(ranked, best[at - 1]) < 0) at--;
            best.Insert(at, ranked);
            if (best.Count > count) best.RemoveAt(best.Count - 1);
        }

        var suggestions = new List<MentorSuggestion>(best.Count);
        foreach (var (mentor, _, _) in best)
        {
            var score = MatchScoring.Score(mentee, mentor.Facts, history.GetValueOrDefault(mentor.Facts.Id), options);
            suggestions.Add(new MentorSuggestion(mentor.Facts.Id, mentor.FirstName, mentor.Facts.Profession, mentor.BranchCode, score.Points, score.Reasons));
        }

        return suggestions;
    }

    readonly record struct Ranked(MentorCandidate Mentor, double Points, double Band);

    // Higher band first, then fewer mentees, then more points, then the id: a total order, so the same
    // data gives the same list.
    static int Compare(Ranked a, Ranked b)
    {
        var order = b.Band.CompareTo(a.Band);
        if (order == 0) order = a.Mentor.Facts.Load.CompareTo(b.Mentor.Facts.Load);
        if (order == 0) order = b.Points.CompareTo(a.Points);
        if (order == 0) order = a.Mentor.Facts.Id.CompareTo(b.Mentor.Facts.Id);
        return order;
    }
}
