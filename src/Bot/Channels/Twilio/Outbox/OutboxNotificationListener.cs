using MentorBot.Bot.Database;
using Npgsql;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// LISTENs on PostgreSQL's <c>mentorbot_outbox</c> channel (notified by a trigger when a commit inserts a
/// queued outbound message, see migration 0002), so every node's dispatcher wakes at once, whoever queued.
/// </summary>
public sealed partial class OutboxNotificationListener(NpgsqlDataSource dataSource, OutboxSignal signal, ILogger<OutboxNotificationListener> logger) : BackgroundService
{
    public const string Channel = "mentorbot_outbox";

    // After (re)listening, wake once for whatever was queued while nobody listened; when the database is
    // gone the dispatcher still polls.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PostgresListener.ListenAsync(dataSource, Channel, _ => signal.Wake(), signal.Wake, e => LogListenFailed(e.Message), stoppingToken);

    [LoggerMessage(LogLevel.Warning, "Not listening for queued messages ({Reason}); the outbox falls back to polling until the database is back")]
    partial void LogListenFailed(string reason);
}
