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
        // Points only (no reasons, no allocation) for every candidate; the reasons for the few shown.
        var band = Math.Max(options.NearEqualPoints, 0.001);
        return mentors
            .Where(m => !excluded.Contains(m.Facts.Id))
            .Select(m => (Mentor: m, Points: MatchScoring.Points(mentee, m.Facts, history.GetValueOrDefault(m.Facts.Id), options)))
            .Where(s => s.Points is not null)
            .OrderByDescending(s => Math.Floor(s.Points!.Value / band))
            .ThenBy(s => s.Mentor.Facts.Load)
            .ThenByDescending(s => s.Points)
            .ThenBy(s => s.Mentor.Facts.Id)
            .Take(options.SuggestionCount)
            .Select(s => (s.Mentor, Score: MatchScoring.Score(mentee, s.Mentor.Facts, history.GetValueOrDefault(s.Mentor.Facts.Id), options)))
            .Select(s => new MentorSuggestion(s.Mentor.Facts.Id, s.Mentor.FirstName, s.Mentor.Facts.Profession, s.Mentor.BranchCode, s.Score.Points, s.Score.Reasons))
            .ToList();
    }
}
