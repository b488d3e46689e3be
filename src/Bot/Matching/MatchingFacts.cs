using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Matching;

/// <summary>A mentor's facts plus what a suggestion may show of her (first name, profession, branch).</summary>
public sealed record MentorCandidate(MentorFacts Facts, string FirstName, string? BranchCode);

/// <summary>The facts scoring needs: mentors from this node's <see cref="MentorRoster"/>, a mentee's history and profile.</summary>
public static class MatchingFacts
{
    /// <summary>Mentors with a free place in a track, from this node's <see cref="MentorRoster"/>.</summary>
    public static Task<List<MentorCandidate>> MentorsAsync(MentorBotDb db, Track track, bool withoutOpenRequest, IReadOnlyCollection<Guid>? branchIds, CancellationToken cancellationToken) =>
        MentorRoster.Of(db).MentorsAsync(db, track, withoutOpenRequest, branchIds, cancellationToken);

    /// <summary>Every mentor this mentee has a history with: blocked first, then declined, then any other match.</summary>
    public static async Task<Dictionary<Guid, PairHistory>> HistoryOfMenteeAsync(MentorBotDb db, Guid menteeId, CancellationToken cancellationToken)
    {
        var blocked = await db.BlockedPairs.Where(b => b.MenteeId == menteeId).Select(b => b.MentorId).ToListAsync(cancellationToken);
        var matches = await db.Matches.Where(m => m.MenteeId == menteeId).Select(m => new { m.MentorId, m.Status }).ToListAsync(cancellationToken);
        var history = new Dictionary<Guid, PairHistory>();
        foreach (var match in matches)
        {
            var kind = match.Status == MatchStatus.Declined ? PairHistory.Declined : PairHistory.Paired;
            history[match.MentorId] = history.TryGetValue(match.MentorId, out var before) && before == PairHistory.Declined ? before : kind;
        }

        foreach (var mentorId in blocked)
        {
            history[mentorId] = PairHistory.Blocked;
        }

        return history;
    }

    public static MenteeFacts Of(Participant mentee)
    {
        var profile = mentee.Profile ?? new Profile();
        return new MenteeFacts(mentee.Id, mentee.Track, mentee.BranchId, profile.City, profile.ProfessionalField, profile.Profession,
            profile.EducationLevel, profile.Goals, profile.Languages, profile.DanishLevel);
    }
}
