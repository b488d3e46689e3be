using Npgsql;
using NpgsqlTypes;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Keeps each sender at or below <c>Twilio__MessagesPerSecond</c> segments a second for the whole cluster: a long
/// code that sends faster has its messages queued by Twilio and, past the validity period, dropped. Every node
/// reserves its slot in <c>twilio_sender_slots</c> with one atomic upsert, on its own connection and outside any
/// transaction, so the row is never held while a node waits for its turn. The database's clock is the only one
/// used, so nodes with skewed clocks still share one timeline. Zero or less turns pacing off.
/// </summary>
public sealed class SenderPacing(NpgsqlDataSource dataSource, TwilioOptions options, TimeProvider clock)
{
    /// <summary>Waits until <paramref name="sender"/> may send <paramref name="segments"/> segments, having reserved them.</summary>
    public async Task WaitTurnAsync(string sender, int segments, CancellationToken ct)
    {
        if (options.MessagesPerSecond <= 0)
        {
            return;
        }

        // A message takes [slot, slot + cost) of the sender's time; the next one starts where it ends.
        var cost = TimeSpan.FromSeconds(segments / options.MessagesPerSecond);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO twilio_sender_slots AS s (sender, next_slot_at) VALUES ($1, now() + $2)
            ON CONFLICT (sender) DO UPDATE SET next_slot_at = greatest(s.next_slot_at, now()) + $2
            RETURNING extract(epoch FROM s.next_slot_at - $2 - now())::float8
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = sender, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = cost, NpgsqlDbType = NpgsqlDbType.Interval });
        var seconds = (double)(await command.ExecuteScalarAsync(ct))!;
        if (seconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), clock, ct);
        }
    }
}
