using System.Net.Sockets;
using Npgsql;

namespace MentorBot.Bot.Database;

/// <summary>
/// PostgreSQL out of reach (stopped, restarting, the network gone): what a request gets then, and how code tells
/// such a failure from a bug. A request that fails for it is answered 503 with <c>Retry-After</c>, never 500: Twilio
/// retries a webhook answered so (with the connection overrides in the setup guide), and so do browsers and Web Chat.
/// </summary>
public static partial class DatabaseOutage
{
    /// <summary>How long a client is asked to wait: a restart of PostgreSQL takes a few seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the database could not be reached or went away mid-request.</summary>
    public static bool Caused(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 57P01-57P03: the server is shutting down or starting up; class 08: the connection failed.
                case PostgresException postgres when postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal):
                case NpgsqlException { IsTransient: true } and not PostgresException:
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Runs <paramref name="work"/>, again after a short wait when the database was briefly away: three tries over about 1.5 s.</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> work, TimeProvider clock, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (attempt < 3 && Caused(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), clock, ct);
            }
        }
    }

    /// <summary>Answers a request that failed because the database is away with 503 and <c>Retry-After</c>.</summary>
    public static void UseDatabaseOutageAnswers(this WebApplication app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            if (!Caused(e) && await ReachableAsync(http.RequestServices))
            {
                throw; // the database is there: a bug, for the usual error handling
            }

            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage));
            LogAnswered(logger, http.Request.Method, http.Request.Path, e.Message);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await http.Response.WriteAsync("The database is not reachable just now; try again shortly.");
        }
    });

    /// <summary>
    /// Whether a fresh connection can run a query within a second or two. Asked after a failure of any other kind: a
    /// server going away mid-request fails in more ways than the exceptions above name (a stream closed under a read, a
    /// connection left broken in the middle of a savepoint), and the request is then the outage's, not a bug's.
    /// </summary>
    static async Task<bool> ReachableAsync(IServiceProvider services)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "{Method} {Path} answered 503: the database is not reachable ({Reason})")]
    static partial void LogAnswered(ILogger logger, string method, PathString path, string reason);
}
