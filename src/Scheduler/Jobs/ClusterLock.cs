using Npgsql;

namespace MentorBot.Scheduler.Jobs;

/// <summary>
/// One run at a time across the cluster, without waiting: a session-level PostgreSQL advisory lock held on a
/// connection of its own for as long as the run lasts. Chosen over Hangfire's <c>DisableConcurrentExecution</c>,
/// whose lock is a row that is never renewed: a run longer than its timeout (10 min) loses it, and a node killed
/// mid-run keeps it for those 10 minutes. PostgreSQL drops an advisory lock the moment its session ends, so a
/// killed node's lane is free again at once, and a long run keeps its lock however long it takes.
/// </summary>
public sealed class ClusterLock : IAsyncDisposable
{
    readonly NpgsqlConnection _connection;
    readonly long _key;

    ClusterLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>The lock, or null when another run holds it (here or on another node).</summary>
    public static async Task<ClusterLock?> TryTakeAsync(NpgsqlDataSource dataSource, long key, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new ClusterLock(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Unlocked explicitly: the pool keeps the session, and with it the lock, after the connection is closed.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = _key } } };
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The session is gone, and the lock with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
