using System.Text.Json.Nodes;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>Direct Line's ActivitySet: the activities after a watermark, and the watermark after them (always given).</summary>
public sealed record ActivitySet(IReadOnlyList<JsonNode> Activities, string Watermark)
{
    public string ToJson() => new JsonObject
    {
        ["activities"] = new JsonArray(Activities.Select(a => a.DeepClone()).ToArray()),
        ["watermark"] = Watermark,
    }.ToJsonString();
}
