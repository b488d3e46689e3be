using Npgsql;
using NpgsqlTypes;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Keeps each sender at or below <c>Twilio__MessagesPerSecond</c> segments a second for the whole cluster: a long
/// code that sends faster has its messages queued by Twilio and, past the validity period, dropped. Each send reserves
/// its slot in <c>twilio_sender_slots</c> with one atomic upsert just before its POST, on its own connection and outside
/// any transaction, and waits for it. The claim takes no more messages for a sender than fit in its next
/// <see cref="Lookahead"/>: the rest wait in the queue, not in a node's hands, so a slow long code never holds up
/// WhatsApp or a second number. A 429 with <c>Retry-After</c> moves the sender's next slot, for every node, whether
/// pacing is on or not. The database's clock is the only one used, so nodes with skewed clocks still share one
/// timeline. A rate of zero turns pacing off.
/// </summary>
public sealed class SenderPacing(NpgsqlDataSource dataSource, TwilioOptions options)
{
    /// <summary>How much of a sender's time one claim may take: its messages hold some of the node's sends in flight meanwhile.</summary>
    public static readonly TimeSpan Lookahead = TimeSpan.FromSeconds(2);

    public bool IsOn => options.MessagesPerSecond > 0;

    /// <summary>The sender's time a message of <paramref name="segments"/> segments takes.</summary>
    public TimeSpan Cost(int segments) => IsOn ? TimeSpan.FromSeconds(segments / options.MessagesPerSecond) : TimeSpan.Zero;

    /// <summary>The senders whose time is taken ahead of now (paced, or told by Twilio to wait), each with how far.</summary>
    public const string BacklogSql = """
        SELECT sender, extract(epoch FROM next_slot_at - clock_timestamp())::float8
        FROM twilio_sender_slots WHERE next_slot_at > clock_timestamp()
        """;

    /// <summary>Reads the rows of <see cref="BacklogSql"/>.</summary>
    public static async Task<Dictionary<string, TimeSpan>> ReadBacklogAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var backlog = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            backlog[reader.GetString(0)] = TimeSpan.FromSeconds(reader.GetDouble(1));
        }

        return backlog;
    }

    /// <summary>Reserves <paramref name="segments"/> of <paramref name="sender"/>'s time: how long until that slot begins.</summary>
    public async Task<TimeSpan> ReserveAsync(string sender, int segments, CancellationToken ct)
    {
        if (!IsOn)
        {
            return TimeSpan.Zero;
        }

        // A message takes [slot, slot + cost) of the sender's time; the next one starts where it ends.
        await using var command = dataSource.CreateCommand("""
            INSERT INTO twilio_sender_slots AS s (sender, next_slot_at) VALUES ($1, now() + $2)
            ON CONFLICT (sender) DO UPDATE SET next_slot_at = greatest(s.next_slot_at, now()) + $2
            RETURNING extract(epoch FROM s.next_slot_at - $2 - now())::float8
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = sender, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Cost(segments), NpgsqlDbType = NpgsqlDbType.Interval });
        var seconds = (double)(await command.ExecuteScalarAsync(ct))!;
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
    }

    /// <summary>Twilio said 429 with <c>Retry-After</c>: no node sends from <paramref name="sender"/> before that.</summary>
    public async Task PauseAsync(string sender, TimeSpan retryAfter, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO twilio_sender_slots AS s (sender, next_slot_at) VALUES ($1, now() + $2)
            ON CONFLICT (sender) DO UPDATE SET next_slot_at = greatest(s.next_slot_at, now() + $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = sender, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = retryAfter, NpgsqlDbType = NpgsqlDbType.Interval });
        await command.ExecuteNonQueryAsync(ct);
    }
}
