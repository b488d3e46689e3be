using Npgsql;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// LISTENs on PostgreSQL's <c>mentorbot_outbox</c> channel (notified by a trigger when a commit inserts a
/// queued outbound message, see migration 0002), so every node's dispatcher wakes at once, whoever queued.
/// </summary>
public sealed partial class OutboxNotificationListener(NpgsqlDataSource dataSource, OutboxSignal signal, ILogger<OutboxNotificationListener> logger) : BackgroundService
{
    public const string Channel = "mentorbot_outbox";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signal.Wake(); // whatever was queued while we weren't listening
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or TimeoutException)
            {
                // The dispatcher still polls; listen again once the database is back.
                LogListenFailed(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Not listening for queued messages ({Reason}); the outbox falls back to polling until the database is back")]
    partial void LogListenFailed(string reason);
}
