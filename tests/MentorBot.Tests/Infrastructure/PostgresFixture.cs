using MentorBot.Data.Embedded;
using MentorBot.Data.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

[assembly: AssemblyFixture(typeof(MentorBot.Tests.Infrastructure.PostgresFixture))]

namespace MentorBot.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run (about a second to start), made by the same
/// <see cref="EmbeddedPostgres"/> code as the app's embedded default. Each test gets its own database,
/// cloned from a migrated template, so tests never see each other's rows.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>Every cluster and embedded folder the tests make lives here, so a killed run's leftovers can be swept.</summary>
    public static readonly string TestRoot = Path.Combine(Path.GetTempPath(), "mentorbot-tests");

    const string Template = "mentorbot_template";

    readonly SemaphoreSlim _creating = new(1, 1);
    EmbeddedPostgres? _server;

    public EmbeddedPostgres Server => _server ?? throw new InvalidOperationException("The cluster is not started.");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(TestRoot);
        await EmbeddedPostgres.RemoveAbandonedAsync(TestRoot, null, NullLogger.Instance);
        _server = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { Directory = NewFolder("cluster"), Durable = false, Database = Template },
            NullLogger.Instance);

        // No pooling: CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
        var template = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Pooling = false }.ConnectionString;
        await new MigrationRunner(MigrationSource.Embedded(), NullLogger<MigrationRunner>.Instance).ApplyAsync(template, TimeProvider.System);
    }

    /// <summary>A new folder under <see cref="TestRoot"/> for one cluster or app instance.</summary>
    public static string NewFolder(string purpose) => Path.Combine(TestRoot, $"{purpose}-{Guid.NewGuid():N}");

    /// <summary>A fresh database: migrated (a clone of the template) or empty.</summary>
    public async Task<string> CreateDatabaseAsync(bool migrated = true)
    {
        var name = $"test_{Guid.NewGuid():N}";
        await _creating.WaitAsync();
        try
        {
            var admin = new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}{(migrated ? $" TEMPLATE {Template}" : "")}", connection);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            _creating.Release();
        }

        // Every test's database is its own connection pool, and Npgsql keeps idle connections for 5 minutes:
        // hundreds of finished tests then hold most of the server's 100 connections (seen as "too many
        // clients" in a full run). Idle ones close after 10 s here; a test that is running keeps its own.
        return new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = name, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 2 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _creating.Dispose();
    }
}
