using MentorBot.Data.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace MentorBot.Bot.Health;

/// <summary>Healthy when PostgreSQL answers and its schema is at the version this build expects.</summary>
sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    static readonly int ExpectedVersion = MigrationSource.Embedded().Max(m => m.Version);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT max(version) FROM schema_migrations");
            var version = await command.ExecuteScalarAsync(cancellationToken) as int? ?? 0;
            return version == ExpectedVersion
                ? HealthCheckResult.Healthy($"PostgreSQL reachable, schema version {version}")
                : HealthCheckResult.Unhealthy($"Schema version {version}, expected {ExpectedVersion}");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable", e);
        }
    }
}
