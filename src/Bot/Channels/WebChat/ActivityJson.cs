using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Bot.Dialogs.Rendering;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// The Direct Line activities MentorBot stores and serves: a bot reply (text, buttons, locale and writing
/// direction) and the echo of what she posted. Stored without an id; the id is made from the row's
/// sequence when read (<c>conversationId|0000000042</c>, the service's own shape).
/// </summary>
public static class ActivityJson
{
    public const string BotId = "mentorbot";
    const string ChannelId = "directline";

    // Only what Web Chat needs to show her own message back; anything else she posted is dropped.
    static readonly string[] EchoedFields = ["type", "text", "textFormat", "locale", "value"];

    public static string Bot(WebChatMessage message, string conversationId, string userId, DateTimeOffset at)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["timestamp"] = Timestamp(at),
            ["channelId"] = ChannelId,
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = BotId, ["name"] = "MentorBot", ["role"] = "bot" },
            ["recipient"] = new JsonObject { ["id"] = userId, ["role"] = "user" },
            ["locale"] = message.Locale,
            ["textFormat"] = "plain",
            ["text"] = message.Text,
            ["channelData"] = new JsonObject { ["rightToLeft"] = message.RightToLeft },
        };
        if (message.SuggestedActions.Count > 0)
        {
            // messageBack shows her the button's title but sends its number, which every reader accepts.
            var actions = new JsonArray(message.SuggestedActions.Select(a => (JsonNode)new JsonObject
            {
                ["type"] = "messageBack", ["title"] = a.Title, ["text"] = a.Value, ["displayText"] = a.Title,
            }).ToArray());
            activity["suggestedActions"] = new JsonObject { ["to"] = new JsonArray(userId), ["actions"] = actions };
            activity["inputHint"] = "expectingInput";
        }

        return activity.ToJsonString();
    }

    public static string Echo(JsonObject posted, string conversationId, string userId, string? clientActivityId, DateTimeOffset at)
    {
        var activity = new JsonObject();
        foreach (var field in EchoedFields)
        {
            if (posted[field] is { } value)
            {
                activity[field] = value.DeepClone();
            }
        }

        activity["timestamp"] = Timestamp(at);
        activity["channelId"] = ChannelId;
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        activity["from"] = new JsonObject { ["id"] = userId, ["role"] = "user" };
        var channelData = new JsonObject();
        if (clientActivityId is not null)
        {
            channelData["clientActivityID"] = clientActivityId; // Web Chat marks her message "sent" when this comes back
        }

        if (ActivityRequest.Property(posted["channelData"], "messageBack") is JsonObject messageBack)
        {
            channelData["messageBack"] = messageBack.DeepClone(); // so a reload still shows the button's title, not its number
        }

        activity["channelData"] = channelData;
        return activity.ToJsonString();
    }

    public static string Id(string conversationId, long sequence) =>
        $"{conversationId}|{sequence.ToString("D10", CultureInfo.InvariantCulture)}";

    public static JsonNode WithId(string stored, string conversationId, long sequence)
    {
        var activity = JsonNode.Parse(stored)!.AsObject();
        activity["id"] = Id(conversationId, sequence);
        return activity;
    }

    static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
