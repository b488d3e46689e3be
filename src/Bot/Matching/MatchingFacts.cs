using System.Data.Common;
using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Data.Naming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MentorBot.Bot.Matching;

/// <summary>A mentor's facts plus what a suggestion may show of her (first name, profession, branch).</summary>
public sealed record MentorCandidate(MentorFacts Facts, string FirstName, string? BranchCode);

/// <summary>
/// Reads the facts scoring needs straight from the tables in one round trip per question: suggestions
/// run on every "show me mentors" and must stay fast with thousands of mentors, so this is plain SQL
/// on the turn's own connection and transaction rather than tracked entities.
/// </summary>
public static class MatchingFacts
{
    // A mentor's places are taken by active matches and those waiting for a coordinator; "has had a
    // match" counts ended ones too, so a new mentor is one who never got started.
    const string MentorSql = """
        SELECT p.id, p.track, p.branch_id, pr.city, pr.professional_field, pr.profession, pr.education_level,
               pr.offers, pr.languages, COALESCE(pr.mentor_capacity, 1), COALESCE(m.load, 0), COALESCE(m.ever, 0) > 0,
               pr.partner_company, COALESCE(p.display_name, ''), b.code, COALESCE(m.open, 0)
        FROM participants p
        JOIN profiles pr ON pr.participant_id = p.id
        LEFT JOIN branches b ON b.id = p.branch_id
        LEFT JOIN (
            SELECT mentor_id,
                   count(*) FILTER (WHERE status IN ('active', 'pending_approval')) AS load,
                   count(*) FILTER (WHERE status IN ('active', 'pending_approval', 'ended')) AS ever,
                   count(*) FILTER (WHERE status = 'requested') AS open
            FROM matches WHERE status IN ('active', 'pending_approval', 'ended', 'requested')
            GROUP BY mentor_id
        ) m ON m.mentor_id = p.id
        WHERE p.role = 'mentor' AND p.status = 'active' AND p.opted_out_at IS NULL
          AND COALESCE(m.load, 0) < COALESCE(pr.mentor_capacity, 1)
        """;

    /// <summary>
    /// Mentors with a free place in a track. <paramref name="withoutOpenRequest"/>: only those no one is
    /// asking now (the fair spread of suggestions); otherwise an open request takes one of her places.
    /// <paramref name="branchIds"/> limits to mentors of those branches (null: all).
    /// </summary>
    public static async Task<List<MentorCandidate>> MentorsAsync(MentorBotDb db, Track track, bool withoutOpenRequest, IReadOnlyCollection<Guid>? branchIds, CancellationToken cancellationToken)
    {
        var sql = MentorSql + " AND p.track = @track"
            + (withoutOpenRequest ? " AND COALESCE(m.open, 0) = 0" : "")
            + (branchIds is null ? "" : " AND p.branch_id = ANY(@branches)");
        var result = new List<MentorCandidate>();
        await using var command = await CommandAsync(db, sql, cancellationToken);
        Parameter(command, "track", SnakeCaseEnumConverter<Track>.NameOf(track));
        if (branchIds is not null) Parameter(command, "branches", branchIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var open = withoutOpenRequest ? 0 : (int)reader.GetInt64(15);
            var facts = new MentorFacts(
                reader.GetGuid(0), track, reader.IsDBNull(2) ? null : reader.GetGuid(2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                Level<EducationLevel>(Text(reader, 6)), reader.GetFieldValue<string[]>(7), reader.GetFieldValue<string[]>(8),
                reader.GetInt32(9), (int)reader.GetInt64(10) + open, reader.GetBoolean(11), Text(reader, 12));
            result.Add(new MentorCandidate(facts, reader.GetString(13), Text(reader, 14)));
        }

        return result;
    }

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

    static async Task<DbCommand> CommandAsync(MentorBotDb db, string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken); // EF closes it with the context
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    static T? Level<T>(string? text) where T : struct, Enum => text is null ? null : SnakeCaseEnumConverter<T>.ValueOf(text);
}
