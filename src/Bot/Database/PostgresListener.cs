using Npgsql;

namespace MentorBot.Bot.Database;

/// <summary>
/// LISTENs on one PostgreSQL notification channel until the app stops, on a connection of its own.
/// When the connection is lost it says so and listens again after a pause; after every (re)start it
/// calls <c>listening</c>, because whatever was notified while nobody listened is lost and the caller
/// must look for it itself.
/// </summary>
public static class PostgresListener
{
    static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static async Task ListenAsync(NpgsqlDataSource dataSource, string channel, Action<string> notified, Action listening, Action<Exception> lost, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => notified(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                listening();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                lost(e);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }
}
