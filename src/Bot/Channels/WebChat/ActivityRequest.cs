using System.Text.Json;
using System.Text.Json.Nodes;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>Reads a request's JSON body with a size limit: too large is 413, not JSON or not an object is 400, empty is null.</summary>
public static class ActivityRequest
{
    public static async Task<(JsonObject? Body, IResult? Refusal)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, DirectLineErrors.TooLarge(maxBytes));
        }

        // Read at most one byte past the limit: a body without Content-Length (chunked) is bounded too.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return (null, DirectLineErrors.TooLarge(maxBytes));
            }
        }

        if (buffer.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return JsonNode.Parse(buffer.ToArray()) is JsonObject body
                ? (body, null)
                : (null, DirectLineErrors.BadRequest("The body must be a JSON object."));
        }
        catch (JsonException)
        {
            return (null, DirectLineErrors.BadRequest("The body is not valid JSON."));
        }
    }

    /// <summary>A string property, or null when missing or not a string.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
