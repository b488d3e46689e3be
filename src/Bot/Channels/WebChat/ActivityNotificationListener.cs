using MentorBot.Bot.Database;
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

    // After (re)listening, wake every stream for what was committed while nobody listened; when the
    // database is gone, streams still look for new activities at every keep-alive.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PostgresListener.ListenAsync(
            dataSource,
            Channel,
            payload =>
            {
                if (Guid.TryParse(payload, out var conversation))
                {
                    streams.Wake(conversation);
                }
            },
            () =>
            {
                _listening = true;
                streams.WakeAll();
            },
            e =>
            {
                _listening = false;
                LogListenFailed(e.Message);
            },
            stoppingToken);

    [LoggerMessage(LogLevel.Warning, "Not listening for web chat activities ({Reason}); streams fall back to looking at every keep-alive")]
    partial void LogListenFailed(string reason);
}
