using Npgsql;

namespace MentorBot.Scheduler.Jobs;

/// <summary>
/// Before a node starts: can Hangfire use its storage? Hangfire.PostgreSql would otherwise start in a degraded
/// mode and only log, about 30 s later, that it could not (its <c>AllowDegradedModeWithoutStorage</c>), and the
/// first job would then fail on a missing table. Here a node that can't use it stops at once, saying why.
/// </summary>
public static class JobStorageCheck
{
    /// <summary>The <c>hangfire.schema</c> version MentorBot's migration 0011 creates (Hangfire.PostgreSql 1.21.1's last install script).</summary>
    public const int SchemaVersion = 23;

    /// <summary>Throws <see cref="JobStorageException"/> with a one-line reason when the storage can't be used.</summary>
    public static async Task EnsureUsableAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var where = $"PostgreSQL at {builder.Host}:{builder.Port}, database {builder.Database}";
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT max(version) FROM hangfire.schema", connection);
            var version = await command.ExecuteScalarAsync(cancellationToken) as int?;
            if (version != SchemaVersion)
            {
                throw new JobStorageException(
                    $"Hangfire's storage can't be used: the hangfire schema in {where} is at version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, this build needs {SchemaVersion}. Apply MentorBot's migrations (MentorBot.Bot migrate).");
            }
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            throw new JobStorageException(
                $"Hangfire's storage can't be used: {where} has no hangfire schema. Apply MentorBot's migrations (MentorBot.Bot migrate) before starting a scheduler.", e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new JobStorageException($"Hangfire's storage can't be used: the database role may not use the hangfire schema in {where} ({e.MessageText}).", e);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && e is not PostgresException)
        {
            throw new JobStorageException($"Hangfire's storage can't be used: {where} is not reachable ({e.Message}).", e);
        }
        catch (PostgresException e)
        {
            throw new JobStorageException($"Hangfire's storage can't be used: {where} refused ({e.MessageText}).", e);
        }
    }
}
