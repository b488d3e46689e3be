using MentorBot.Data.Embedded;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Bench;

/// <summary>A durable embedded PostgreSQL of a benchmark's own, in a folder under the tests' root that goes with it.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    readonly string _folder;

    BenchDatabase(string folder, EmbeddedPostgres server)
    {
        _folder = folder;
        Server = server;
    }

    public EmbeddedPostgres Server { get; }

    public string ConnectionString => Server.ConnectionString;

    public static async Task<BenchDatabase> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mentorbot-tests", $"bench-{Guid.NewGuid():N}");
        return new BenchDatabase(folder, await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Directory = folder, Durable = true }, NullLogger.Instance));
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
