using Npgsql;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// LISTENs on PostgreSQL's <c>mentorbot_direct_line</c> channel (a trigger notifies it with the
/// conversation's id when a commit adds activities, see migration 0004), so a reply made on one node
/// reaches a WebSocket held by another.
/// </summary>
public sealed partial class ActivityNotificationListener(NpgsqlDataSource dataSource, ActivityStreams streams, ILogger<ActivityNotificationListener> logger) : BackgroundService
{
    public const string Channel = "mentorbot_direct_line";

    volatile bool _listening;

    /// <summary>Whether this node hears other nodes' commits now (see <see cref="WebChatHealthCheck"/>).</summary>
    public bool IsListening => _listening;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var conversation))
                    {
                        streams.Wake(conversation);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening = true;
                streams.WakeAll(); // whatever was committed while we weren't listening
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
                _listening = false;
                // Streams still look for new activities at every keep-alive; listen again once the database is back.
                LogListenFailed(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Not listening for web chat activities ({Reason}); streams fall back to looking at every keep-alive")]
    partial void LogListenFailed(string reason);
}
