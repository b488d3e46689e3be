using Hangfire.PostgreSql;
using Npgsql;

namespace MentorBot.Scheduler.Jobs;

/// <summary>
/// Hangfire's connections come from the app's own <see cref="NpgsqlDataSource"/> (its pool, its settings, its
/// telemetry), not from a second pool built from a connection string. Hangfire opens and disposes each one.
/// </summary>
public sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
