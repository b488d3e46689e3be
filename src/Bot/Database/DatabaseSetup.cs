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
    /// <c>ConnectionStrings__MentorBot</c> is unset), with every migration applied.
    /// </summary>
    public static async Task<DatabaseServer> StartDatabaseAsync(this WebApplicationBuilder builder)
    {
        var embedded = builder.AddValidatedOptions<EmbeddedPostgresOptions>();
        using var loggers = builder.CreateStartupLoggers();
        try
        {
            // The real clock, also under a test clock: it only times the server's start-up.
            return await DatabaseServer.StartAsync(
                builder.Configuration.GetConnectionString(ConnectionStringName), embedded, TimeProvider.System, loggers);
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

    /// <summary>The EF Core context and a shared Npgsql data source on the running server (the app's clock is <c>AddAppClock</c>'s).</summary>
    public static void AddMentorBotData(this WebApplicationBuilder builder, DatabaseServer database)
    {
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(database.ConnectionString));
        builder.Services.AddDbContextPool<MentorBotDb>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>()));
    }
}
