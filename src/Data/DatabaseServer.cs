using MentorBot.Data.Embedded;
using MentorBot.Data.Migrations;
using Microsoft.Extensions.Logging;

namespace MentorBot.Data;

/// <summary>
/// The PostgreSQL server MentorBot runs on, ready and migrated: the configured one, or — when no
/// connection string is set — a private embedded server that lives as long as this object.
/// </summary>
public sealed class DatabaseServer : IAsyncDisposable
{
    DatabaseServer(string connectionString, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        Embedded = embedded;
    }

    public string ConnectionString { get; }

    /// <summary>The private server, when MentorBot started one.</summary>
    public EmbeddedPostgres? Embedded { get; }

    public static async Task<DatabaseServer> StartAsync(
        string? connectionString,
        EmbeddedPostgresOptions embeddedOptions,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken = default)
    {
        var logger = loggers.CreateLogger<DatabaseServer>();
        EmbeddedPostgres? embedded = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            logger.LogInformation("No ConnectionStrings__MentorBot set: starting the embedded PostgreSQL");
            embedded = await EmbeddedPostgres.StartAsync(embeddedOptions, loggers.CreateLogger<EmbeddedPostgres>(), cancellationToken);
            connectionString = embedded.ConnectionString;
        }

        try
        {
            var runner = new MigrationRunner(MigrationSource.Embedded(), loggers.CreateLogger<MigrationRunner>());
            await runner.ApplyAsync(connectionString, clock, cancellationToken);
            return new DatabaseServer(connectionString, embedded);
        }
        catch
        {
            if (embedded is not null)
            {
                await embedded.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Embedded is not null)
        {
            await Embedded.DisposeAsync();
        }
    }
}
