using Npgsql;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Tells the cluster this node is alive: <c>outbox_nodes.seen_at</c> is refreshed three times per
/// <c>Twilio__NodeLease</c>. A send left in flight by a node not seen for a whole lease is reconciled by another
/// node. Its own timer, not the dispatcher's loop, which may be waiting its sender's turn for a long time.
/// </summary>
public sealed partial class OutboxNodeHeartbeat(
    NpgsqlDataSource dataSource, OutboxNodeIdentity node, TwilioOptions options, TimeProvider clock, ILogger<OutboxNodeHeartbeat> logger) : BackgroundService
{
    /// <summary>Rows of nodes gone this long are deleted: nothing they left in flight is undecided by then.</summary>
    static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.NodeLease / 3;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One statement: with positional parameters PostgreSQL takes a single statement per command, and the
                // two this once sent together failed every beat (42601, "cannot insert multiple commands into a
                // prepared statement"), so nodes lived only by their claims. The sub-statements of a data-modifying CTE
                // see the same snapshot and must not touch the same row: the forgetting leaves this node's row alone.
                await using var command = dataSource.CreateCommand("""
                    WITH forgotten AS (DELETE FROM outbox_nodes WHERE seen_at < now() - $2 AND node_id <> $1)
                    INSERT INTO outbox_nodes (node_id, seen_at) VALUES ($1, now())
                    ON CONFLICT (node_id) DO UPDATE SET seen_at = now()
                    """);
                command.Parameters.AddWithValue(node.Id);
                command.Parameters.AddWithValue(ForgetAfter);
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogHeartbeatFailed(e.Message);
            }

            try
            {
                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>A node that stops says so, so what it leaves in flight (a send cut short) is reconciled at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var command = dataSource.CreateCommand("DELETE FROM outbox_nodes WHERE node_id = $1");
            command.Parameters.AddWithValue(node.Id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
        {
            LogHeartbeatFailed(e.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not tell the cluster this node is alive ({Reason}); another node may reconcile its sends")]
    partial void LogHeartbeatFailed(string reason);
}
