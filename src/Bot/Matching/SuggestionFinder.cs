using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Matching;

/// <summary>
/// Ranks the mentors a mentee may choose from. Rules first (same track, active, not opted out, not
/// blocked or declined before, a free place, no other open request — so the best mentors are not
/// flooded), then a score: same field, shared languages besides Danish, what she seeks against what the
/// mentor offers, same branch. The full model (taxonomy, partner companies, weights in configuration,
/// new mentors' chance) is the matching service's; this is its first cut.
/// </summary>
public static class SuggestionFinder
{
    public static async Task<IReadOnlyList<MentorSuggestion>> FindAsync(MentorBotDb db, Participant mentee, IReadOnlySet<Guid> excluded, int count, CancellationToken cancellationToken)
    {
        var menteeProfile = mentee.Profile ?? new Profile();
        var ruledOut = await db.BlockedPairs.Where(b => b.MenteeId == mentee.Id).Select(b => b.MentorId)
            .Concat(db.Matches.Where(m => m.MenteeId == mentee.Id).Select(m => m.MentorId))
            .ToListAsync(cancellationToken);

        var candidates = await db.Participants
            .Where(p => p.Role == ParticipantRole.Mentor && p.Status == ParticipantStatus.Active && p.OptedOutAt == null && p.Track == mentee.Track)
            .Where(p => !ruledOut.Contains(p.Id) && !excluded.Contains(p.Id))
            .Where(p => !db.Matches.Any(m => m.MentorId == p.Id && m.Status == MatchStatus.Requested))
            .Select(p => new
            {
                Mentor = p,
                p.Profile,
                p.Branch,
                Load = db.Matches.Count(m => m.MentorId == p.Id && (m.Status == MatchStatus.Active || m.Status == MatchStatus.PendingApproval)),
            })
            .Where(c => c.Load < (c.Profile!.MentorCapacity ?? 1))
            .ToListAsync(cancellationToken);

        return candidates
            .Select(c =>
            {
                var profile = c.Profile ?? new Profile();
                var shared = profile.Languages.Intersect(menteeProfile.Languages).Where(l => l != "da" && l != "other").ToList();
                var sameField = profile.ProfessionalField is not null && profile.ProfessionalField == menteeProfile.ProfessionalField;
                var score = (sameField ? 3.0 : 0) + shared.Count + profile.Offers.Intersect(menteeProfile.Goals).Count() * 0.5
                    + (c.Mentor.BranchId is not null && c.Mentor.BranchId == mentee.BranchId ? 2 : 0);
                return new MentorSuggestion(c.Mentor.Id, c.Mentor.DisplayName ?? "?", profile.Profession, sameField ? profile.ProfessionalField : null, shared, c.Branch?.City, score);
            })
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.MentorId) // stable order for the same score
            .Take(count)
            .ToList();
    }
}
