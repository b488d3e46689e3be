using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// Reads a web-chat conversation's activities after a watermark, for polling and the WebSocket stream.
/// Plain SQL on the shared data source: a stream reads on every wake-up, and an EF context per read
/// would cost more than the read.
/// </summary>
public sealed class ActivityLog(NpgsqlDataSource dataSource, DatabaseUseLimit limit)
{
    /// <summary>At most this many per answer; a client catches up by asking again from the new watermark.</summary>
    public const int PageSize = 100;

    /// <summary>MentorBot's id for the Direct Line conversation and its user's web-chat id, or null when there is none.</summary>
    public async Task<WebChatConversation?> FindConversationAsync(string conversationId, CancellationToken ct)
    {
        using var slot = await limit.EnterAsync(ct);
        await using var command = dataSource.CreateCommand(
            """
            SELECT c.id, (SELECT i.address FROM channel_identities i
                          WHERE i.participant_id = c.participant_id AND i.channel = 'web_chat' ORDER BY i.created_at LIMIT 1)
            FROM conversations c WHERE c.channel = 'web_chat' AND c.channel_conversation_id = $1
            """);
        command.Parameters.AddWithValue(conversationId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new WebChatConversation(reader.GetGuid(0), conversationId, reader.IsDBNull(1) ? "user" : reader.GetString(1))
            : null;
    }

    public async Task<ActivitySet> ReadAsync(Guid conversation, string conversationId, long watermark, CancellationToken ct)
    {
        using var slot = await limit.EnterAsync(ct);
        await using var command = dataSource.CreateCommand(
            "SELECT id, activity::text FROM direct_line_activities WHERE conversation_id = $1 AND id > $2 ORDER BY id LIMIT $3");
        command.Parameters.AddWithValue(conversation);
        command.Parameters.AddWithValue(watermark);
        command.Parameters.AddWithValue(PageSize);
        var activities = new List<JsonNode>();
        var last = watermark;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            last = reader.GetInt64(0);
            activities.Add(ActivityJson.WithId(reader.GetString(1), conversationId, last));
        }

        return new ActivitySet(activities, Watermark(last));
    }

    public static string Watermark(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>A watermark as a client sends it back: empty or missing means "from the start".</summary>
    public static bool TryParseWatermark(string? text, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(text)
            || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark >= 0);
    }
}
