using System.Collections.Concurrent;
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
    // Two steps, so thousands of rows of profile text are not read on every question: the first reads
    // per eligible mentor only her numbers (load, open requests) and her rows' versions; her profile
    // facts come from a per-node cache unless a version differs, and only those are read in full.
    const string Eligible = """
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

    // A row version: xmin (the transaction that wrote it) and ctid (where that version lies) change with
    // every update, also one the app forgot to stamp, and a branch's code is part of what is shown.
    const string Version = "p.xmin::text || p.ctid::text || pr.xmin::text || pr.ctid::text || COALESCE(b.xmin::text || b.ctid::text, '')";

    const string NumbersSql = "SELECT p.id, " + Version + ", COALESCE(m.load, 0), COALESCE(m.ever, 0) > 0, COALESCE(m.open, 0) " + Eligible;

    const string ProfilesSql = """
        SELECT p.id, p.track, p.branch_id, pr.city, pr.professional_field, pr.profession, pr.education_level,
               pr.offers, pr.languages, COALESCE(pr.mentor_capacity, 1), pr.partner_company, COALESCE(p.display_name, ''), b.code,
        """ + " " + Version + """
        
        FROM participants p
        JOIN profiles pr ON pr.participant_id = p.id
        LEFT JOIN branches b ON b.id = p.branch_id
        WHERE p.id = ANY(@ids)
        """;

    sealed record CachedProfile(string Version, MentorCandidate Candidate);

    // Per database (tests run many side by side in one process), the mentors read last time per track.
    // Replaced whole on every read of all branches, so a mentor who left (erased, paused, full) drops out
    // of memory too.
    static readonly ConcurrentDictionary<(string Database, Track Track), Dictionary<Guid, CachedProfile>> Profiles = new();

    /// <summary>
    /// Mentors with a free place in a track. <paramref name="withoutOpenRequest"/>: only those no one is
    /// asking now (the fair spread of suggestions); otherwise an open request takes one of her places.
    /// <paramref name="branchIds"/> limits to mentors of those branches (null: all).
    /// </summary>
    public static async Task<List<MentorCandidate>> MentorsAsync(MentorBotDb db, Track track, bool withoutOpenRequest, IReadOnlyCollection<Guid>? branchIds, CancellationToken cancellationToken)
    {
        var sql = NumbersSql + " AND p.track = @track"
            + (withoutOpenRequest ? " AND COALESCE(m.open, 0) = 0" : "")
            + (branchIds is null ? "" : " AND p.branch_id = ANY(@branches)");
        var cacheKey = (db.Database.GetDbConnection().DataSource + "/" + db.Database.GetDbConnection().Database, track);
        var cached = Profiles.GetValueOrDefault(cacheKey);
        var numbers = new List<(Guid Id, string Version, int Load, bool Ever, int Open)>();
        var missing = new List<Guid>();
        await using (var command = await CommandAsync(db, sql, cancellationToken))
        {
            Parameter(command, "track", SnakeCaseEnumConverter<Track>.NameOf(track));
            if (branchIds is not null) Parameter(command, "branches", branchIds.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = (reader.GetGuid(0), reader.GetString(1), (int)reader.GetInt64(2), reader.GetBoolean(3), (int)reader.GetInt64(4));
                numbers.Add(row);
                if (cached is null || !cached.TryGetValue(row.Item1, out var known) || known.Version != row.Item2) missing.Add(row.Item1);
            }
        }

        var fresh = missing.Count == 0 ? null : await ProfilesAsync(db, missing, cancellationToken);
        var profiles = new Dictionary<Guid, CachedProfile>(numbers.Count);
        var result = new List<MentorCandidate>(numbers.Count);
        foreach (var (id, version, load, ever, open) in numbers)
        {
            // A profile read in the second step wins; one that changed in between carries its own version.
            CachedProfile? profile = null;
            if (fresh is not null && fresh.TryGetValue(id, out var read)) profile = read;
            else if (cached is not null && cached.TryGetValue(id, out var known) && known.Version == version) profile = known;
            if (profile is null || profile.Candidate.Facts.Track != track) continue; // gone or moved to the other track in between
            profiles[id] = profile;
            var facts = profile.Candidate.Facts;
            var taken = load + (withoutOpenRequest ? 0 : open);
            result.Add(facts.Load == taken && facts.HasHadMatch == ever ? profile.Candidate
                : profile.Candidate with { Facts = facts with { Load = taken, HasHadMatch = ever } });
        }

        // A read of some branches only (the batch proposal) keeps the other mentors' profiles too.
        if (branchIds is not null && cached is not null)
        {
            foreach (var (id, profile) in cached) profiles.TryAdd(id, profile);
        }

        Profiles[cacheKey] = profiles;
        return result;
    }

    static async Task<Dictionary<Guid, CachedProfile>> ProfilesAsync(MentorBotDb db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var profiles = new Dictionary<Guid, CachedProfile>(ids.Count);
        await using var command = await CommandAsync(db, ProfilesSql, cancellationToken);
        Parameter(command, "ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // Load 0 and no match yet: the numbers of the question asking are put in by the caller.
            var facts = new MentorFacts(
                reader.GetGuid(0), SnakeCaseEnumConverter<Track>.ValueOf(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetGuid(2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                Level<EducationLevel>(Text(reader, 6)), reader.GetFieldValue<string[]>(7), reader.GetFieldValue<string[]>(8),
                reader.GetInt32(9), 0, false, Text(reader, 10));
            profiles[facts.Id] = new CachedProfile(reader.GetString(13), new MentorCandidate(facts, reader.GetString(11), Text(reader, 12)));
        }

        return profiles;
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
