using MentorBot.Bot.Hosting;
using MentorBot.Data;
using MentorBot.Data.Embedded;
using MentorBot.Data.Migrations;
using MentorBot.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MentorBot.Bot.Database;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "MentorBot";

    /// <summary>
    /// Before anything else: the database server (the configured one, or the embedded one when
    /// <c>ConnectionStrings__MentorBot</c> is unset, outside Production only), with every migration applied.
    /// </summary>
    public static async Task<DatabaseServer> StartDatabaseAsync(this WebApplicationBuilder builder)
    {
        var embedded = builder.AddValidatedOptions<EmbeddedPostgresOptions>();
        var connectionString = CheckedConnectionString(builder);
        using var loggers = builder.CreateStartupLoggers();
        try
        {
            // The real clock, also under a test clock: it only times the server's start-up.
            return await DatabaseServer.StartAsync(
                connectionString, embedded, TimeProvider.System, loggers);
        }
        catch (Exception e) when (e is EmbeddedPostgresException or MigrationException)
        {
            throw new StartupException(e.Message, e);
        }
        catch (NpgsqlException e)
        {
            throw new StartupException($"Could not reach the database of ConnectionStrings__{ConnectionStringName}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The configured connection string, read once here so a typo ("Port=54x2") ends with one line naming the key
    /// rather than a stack trace from deep inside the first connection. In Production a missing one is refused: a
    /// private database on the server's disk is a fine default on a laptop, and a silent data loss on a real server
    /// whose setting went missing.
    /// </summary>
    static string? CheckedConnectionString(WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder.Environment.IsProduction()
                ? throw new StartupException(
                    $"ConnectionStrings__{ConnectionStringName} must be set in Production: the embedded database is for development and tests only.",
                    new InvalidOperationException("no connection string"))
                : null;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return connectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The parser's own message names the keyword ("Couldn't set port"), never the value (a password).
            throw new StartupException($"ConnectionStrings__{ConnectionStringName} is not a valid PostgreSQL connection string: {FirstLine(e.Message)}", e);
        }
    }

    static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    /// <summary>The EF Core context and a shared Npgsql data source on the running server (the app's clock is <c>AddAppClock</c>'s).</summary>
    public static void AddMentorBotData(this WebApplicationBuilder builder, DatabaseServer database)
    {
        builder.Services.AddSingleton(database);
        builder.Services.AddMentorBotDb(database.ConnectionString);
    }
}
