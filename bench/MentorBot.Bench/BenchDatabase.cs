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

    /// <summary>
    /// CPU time the cluster's processes have used so far (the postmaster and its children, from <c>/proc</c>): the
    /// database's share of a scenario's work, beside the app's. A backend that exited counts too: the postmaster waited
    /// for it, which adds its time to the postmaster's children's (pgbench's backends end with it).
    /// </summary>
    public TimeSpan CpuTime()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(Server.DataDirectory, "postmaster.pid")).First());
        var ticks = 0L;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                // The fields after the command's closing parenthesis: state, ppid, … utime (14th of the line), stime (15th).
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (pid == postmaster || int.Parse(fields[1]) == postmaster)
                {
                    ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
                }

                if (pid == postmaster)
                {
                    ticks += long.Parse(fields[13]) + long.Parse(fields[14]); // cutime, cstime: its children that have exited
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

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
