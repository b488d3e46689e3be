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
        // One round trip on the turn's own transaction (a request it just declined counts): the strongest
        // kind per mentor, blocked over declined over paired.
        var rows = await db.Database.SqlQuery<PairRow>($"""
            SELECT mentor_id AS "MentorId", max(kind) AS "Kind" FROM (
                SELECT mentor_id, CASE WHEN status = 'declined' THEN 2 ELSE 1 END AS kind FROM matches WHERE mentee_id = {menteeId}
                UNION ALL
                SELECT mentor_id, 3 FROM blocked_pairs WHERE mentee_id = {menteeId}
            ) pairs GROUP BY mentor_id
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.MentorId, row => row.Kind switch
        {
            3 => PairHistory.Blocked,
            2 => PairHistory.Declined,
            _ => PairHistory.Paired,
        });
    }

    sealed record PairRow(Guid MentorId, int Kind);

    public static MenteeFacts Of(Participant mentee)
    {
        var profile = mentee.Profile ?? new Profile();
        return new MenteeFacts(mentee.Id, mentee.Track, mentee.BranchId, profile.City, profile.ProfessionalField, profile.Profession,
            profile.EducationLevel, profile.Goals, profile.Languages, profile.DanishLevel);
    }
}
