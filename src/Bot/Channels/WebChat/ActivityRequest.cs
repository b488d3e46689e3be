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
            if (JsonNode.Parse(buffer.ToArray()) is not JsonObject body)
            {
                return (null, DirectLineErrors.BadRequest("The body must be a JSON object."));
            }

            // Control characters and broken surrogates go at the edge: PostgreSQL stores neither in text or jsonb.
            // Walking every member here also meets a repeated property name now, not later in a handler.
            return InboundText.CleanJson(body)
                ? (body, null)
                : (null, DirectLineErrors.BadRequest("A property name holds a control character."));
        }
        catch (JsonException)
        {
            return (null, DirectLineErrors.BadRequest("The body is not valid JSON."));
        }
        catch (ArgumentException)
        {
            return (null, DirectLineErrors.BadRequest("A property appears twice in one object."));
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json reads strings lazily: a lone surrogate escape or invalid UTF-8 inside one throws here.
            return (null, DirectLineErrors.BadRequest("The body holds text that is not valid Unicode."));
        }
    }

    /// <summary>A property of an object inside <paramref name="node"/>, or null when <paramref name="node"/> is not an object (a string, an array).</summary>
    public static JsonNode? Property(JsonNode? node, string name) => node is JsonObject obj ? obj[name] : null;

    /// <summary>A string property, or null when missing or not a string.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
