using Microsoft.Extensions.Logging;
using Npgsql;

namespace MentorBot.Data.Migrations;

/// <summary>
/// Brings a database's schema up to date with the SQL migrations. Safe to run from several nodes at
/// once: a session-level advisory lock serialises them, so the second node waits, then finds nothing
/// left to do. Each migration runs in its own transaction together with its history row, so a failing
/// file leaves the schema as it was before that file.
/// </summary>
public sealed class MigrationRunner(IReadOnlyList<Migration> migrations, ILogger<MigrationRunner> logger)
{
    /// <summary>Advisory lock key: "MBMIGRAT" as a 64-bit number, unlikely to collide with anyone else's.</summary>
    const long LockKey = 0x4D424D4947524154;

    const string HistoryTable = "schema_migrations";

    public async Task<IReadOnlyList<Migration>> ApplyAsync(string connectionString, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, $"""
                CREATE TABLE IF NOT EXISTS {HistoryTable} (
                    version     integer PRIMARY KEY,
                    name        text NOT NULL,
                    checksum    text NOT NULL,
                    applied_at  timestamptz NOT NULL
                )
                """, cancellationToken);

            var applied = await ReadHistoryAsync(connection, cancellationToken);
            Verify(applied);

            var pending = migrations.Where(m => !applied.ContainsKey(m.Version)).ToList();
            foreach (var migration in pending)
            {
                await ApplyOneAsync(connection, migration, clock.GetUtcNow(), cancellationToken);
            }

            if (pending.Count == 0)
            {
                logger.LogInformation("Database schema is up to date at version {Version}", migrations.LastOrDefault()?.Version ?? 0);
            }

            return pending;
        }
        finally
        {
            // Unlock even on failure; closing the connection would release it too, but pooling keeps sessions alive.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>Stops when an applied file was edited since, or when a newer build already migrated this database further.</summary>
    void Verify(IReadOnlyDictionary<int, (string Name, string Checksum)> applied)
    {
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Version, out var record) && record.Checksum != migration.Checksum)
            {
                throw new MigrationException(
                    $"Migration {migration.FileName} was changed after it was applied (checksum {record.Checksum[..12]}… in the database, " +
                    $"{migration.Checksum[..12]}… in the file). Applied migrations must never be edited: revert the file and add a new migration.");
            }
        }

        var unknown = applied.Keys.Where(v => migrations.All(m => m.Version != v)).Order().ToList();
        if (unknown.Count > 0)
        {
            throw new MigrationException(
                $"The database has migrations this build doesn't know ({string.Join(", ", unknown.Select(v => $"{v:D4}_{applied[v].Name}"))}). " +
                "It was migrated by a newer MentorBot; run that version.");
        }
    }

    async Task ApplyOneAsync(NpgsqlConnection connection, Migration migration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = new NpgsqlCommand(
                $"INSERT INTO {HistoryTable} (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @applied_at)",
                connection, transaction))
            {
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("name", migration.Name);
                record.Parameters.AddWithValue("checksum", migration.Checksum);
                record.Parameters.AddWithValue("applied_at", now);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Migration}", migration.FileName);
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"Migration {migration.FileName} failed and was rolled back: {e.MessageText}", e);
        }
    }

    static async Task<IReadOnlyDictionary<int, (string Name, string Checksum)>> ReadHistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var history = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand($"SELECT version, name, checksum FROM {HistoryTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return history;
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
