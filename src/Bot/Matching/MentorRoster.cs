using System.Collections.Concurrent;
using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Data.Naming;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MentorBot.Bot.Matching;

/// <summary>
/// Every active mentor of one database with her load, held in this node's memory and brought up to date
/// on each question by reading only the mentors whose rows changed since the last question. Suggestions
/// score thousands of mentors on every "show me mentors"; reading them all each time took tens of
/// milliseconds, reading the changes takes one round trip.
/// </summary>
/// <remarks>
/// The triggers of migration 0008 note each change in <c>mentor_changes</c> with its transaction id. A
/// refresh keeps the snapshot it read under (<c>pg_current_snapshot()</c>) and next time asks for the
/// changes whose transaction that snapshot could not see, whatever order transactions committed in, then
/// reads those mentors again under the new snapshot. Reads use their own connection, never the turn's
/// transaction, so memory only ever holds committed rows; what the asking turn itself changed but has not
/// committed is not seen (a request's final check runs under the mentor's row lock, see SendMatchRequest).
/// </remarks>
public sealed class MentorRoster
{
    // Per database (tests run many side by side in one process).
    static readonly ConcurrentDictionary<string, MentorRoster> Rosters = new();

    // A roster not refreshed for this long reloads everything instead of trusting the change log, whose
    // rows are pruned after PruneAfter: the gap between the two is what a transaction could stay open
    // and still have its change read. An hourly reload also bounds any drift.
    static readonly TimeSpan ReloadAfter = TimeSpan.FromMinutes(30);
    const string PruneAfter = "1 day";

    // Her numbers: places taken (active or waiting for approval), ever had a mentee, open requests.
    const string MentorsSql = """
        SELECT p.id, p.track, p.branch_id, pr.city, pr.professional_field, pr.profession, pr.education_level,
               pr.offers, pr.languages, COALESCE(pr.mentor_capacity, 1), pr.partner_company, COALESCE(p.display_name, ''), b.code,
               COALESCE(m.load, 0), COALESCE(m.ever, 0) > 0, COALESCE(m.open, 0)
        FROM participants p
        JOIN profiles pr ON pr.participant_id = p.id
        LEFT JOIN branches b ON b.id = p.branch_id
        LEFT JOIN (
            SELECT mentor_id,
                   count(*) FILTER (WHERE status IN ('active', 'pending_approval')) AS load,
                   count(*) FILTER (WHERE status IN ('active', 'pending_approval', 'ended')) AS ever,
                   count(*) FILTER (WHERE status = 'requested') AS open
            FROM matches WHERE status IN ('active', 'pending_approval', 'ended', 'requested') {0}
            GROUP BY mentor_id
        ) m ON m.mentor_id = p.id
        WHERE p.role = 'mentor' AND p.status = 'active' AND p.opted_out_at IS NULL {1}
        """;

    static readonly string AllSql = string.Format(MentorsSql, "", "");

    const string Changed = """
        SELECT DISTINCT mentor_id FROM mentor_changes
        WHERE txid >= pg_snapshot_xmin(@since::pg_snapshot) AND NOT pg_visible_in_snapshot(txid, @since::pg_snapshot)
        """;

    static readonly string ChangedSql = string.Format(MentorsSql,
        $"AND mentor_id IN ({Changed})", $"AND p.id IN ({Changed})");

    readonly SemaphoreSlim _gate = new(1, 1);
    Dictionary<Guid, RosterMentor> _mentors = [];
    string? _snapshot;
    long _readAt;

    /// <param name="Candidate">Her facts with <see cref="MentorFacts.Load"/> the places taken.</param>
    /// <param name="Open">Requests waiting for her answer.</param>
    sealed record RosterMentor(MentorCandidate Candidate, int Open);

    public static MentorRoster Of(MentorBotDb db)
    {
        var connection = db.Database.GetDbConnection();
        return Rosters.GetOrAdd(connection.DataSource + "/" + connection.Database, _ => new MentorRoster());
    }

    /// <summary>
    /// Mentors with a free place in a track. <paramref name="withoutOpenRequest"/>: only those no one is
    /// asking now (the fair spread of suggestions); otherwise an open request takes one of her places.
    /// <paramref name="branchIds"/> limits to mentors of those branches (null: all).
    /// </summary>
    public async Task<List<MentorCandidate>> MentorsAsync(MentorBotDb db, Track track, bool withoutOpenRequest, IReadOnlyCollection<Guid>? branchIds, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RefreshAsync(db, cancellationToken);
            var branches = branchIds as IReadOnlySet<Guid> ?? branchIds?.ToHashSet();
            var result = new List<MentorCandidate>(_mentors.Count);
            foreach (var (candidate, open) in _mentors.Values)
            {
                var facts = candidate.Facts;
                if (facts.Track != track || facts.Load >= facts.Capacity) continue;
                if (branches is not null && (facts.BranchId is not { } branch || !branches.Contains(branch))) continue;
                if (withoutOpenRequest)
                {
                    if (open == 0) result.Add(candidate);
                }
                else
                {
                    result.Add(open == 0 ? candidate : candidate with { Facts = facts with { Load = facts.Load + open } });
                }
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task RefreshAsync(MentorBotDb db, CancellationToken cancellationToken)
    {
        var full = _snapshot is null || Environment.TickCount64 - _readAt > ReloadAfter.TotalMilliseconds;
        // Monotonic, not the (possibly fake) app clock: this measures how long memory went unrefreshed.
        var startedAt = Environment.TickCount64;
        await using var connection = OwnConnection(db);
        await connection.OpenAsync(cancellationToken);
        // One snapshot for "which snapshot is this" and the rows read under it, in one round trip: the
        // transaction's BEGIN and COMMIT travel in the same batch as the reads.
        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_current_snapshot()::text"));
            if (full)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(AllSql));
            }
            else
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(Changed) { Parameters = { new("since", _snapshot) } });
                batch.BatchCommands.Add(new NpgsqlBatchCommand(ChangedSql) { Parameters = { new("since", _snapshot) } });
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var snapshot = reader.GetString(0);
            var gone = new List<Guid>();
            if (!full)
            {
                // Every changed mentor leaves; those still active with her profile come back below.
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) gone.Add(reader.GetGuid(0));
            }

            var read = new List<RosterMentor>();
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) read.Add(Read(reader));
            await reader.CloseAsync();

            // Applied only once everything was read, so a failed read leaves the roster as it was.
            var mentors = full ? new Dictionary<Guid, RosterMentor>(read.Count) : _mentors;
            foreach (var id in gone) mentors.Remove(id);
            foreach (var mentor in read) mentors[mentor.Candidate.Facts.Id] = mentor;
            _mentors = mentors;
            _snapshot = snapshot;
            _readAt = startedAt;
        }

        if (full)
        {
            await using var prune = new NpgsqlCommand($"DELETE FROM mentor_changes WHERE changed_at < clock_timestamp() - interval '{PruneAfter}'", connection);
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // Its own small pool, not the turns': a refresh runs while the asking turn holds a connection, and
    // turns queued behind the refresh hold theirs, so borrowing from their pool could wait for ever when
    // it is exhausted. A clone keeps the password, which a connection string read back has lost.
    static NpgsqlConnection OwnConnection(MentorBotDb db)
    {
        var turns = (NpgsqlConnection)db.Database.GetDbConnection();
        // Its statements are the same few on every question: prepared once per connection (and not reset
        // when it returns to the pool, which would drop them), PostgreSQL plans them once. An idle
        // connection is closed after 30 s, not Npgsql's 5 minutes: a process that reads many databases
        // (the tests) would otherwise keep one server connection open per database it ever asked.
        var own = new NpgsqlConnectionStringBuilder(turns.ConnectionString)
        {
            MaxPoolSize = 2, ApplicationName = "mentorbot-roster", MaxAutoPrepare = 8, AutoPrepareMinUsages = 2, NoResetOnClose = true,
            ConnectionIdleLifetime = 30, ConnectionPruningInterval = 5,
        };
        return turns.CloneWith(own.ConnectionString);
    }

    static RosterMentor Read(NpgsqlDataReader reader)
    {
        var facts = new MentorFacts(
            reader.GetGuid(0), SnakeCaseEnumConverter<Track>.ValueOf(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetGuid(2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
            Level<EducationLevel>(Text(reader, 6)), reader.GetFieldValue<string[]>(7), reader.GetFieldValue<string[]>(8),
            reader.GetInt32(9), (int)reader.GetInt64(13), reader.GetBoolean(14), Text(reader, 10));
        return new RosterMentor(new MentorCandidate(facts, reader.GetString(11), Text(reader, 12)), (int)reader.GetInt64(15));
    }

    static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    static T? Level<T>(string? text) where T : struct, Enum => text is null ? null : SnakeCaseEnumConverter<T>.ValueOf(text);
}
