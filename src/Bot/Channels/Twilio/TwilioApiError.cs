using System.Text.Json;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// An error answer from Twilio's REST API, in either of its two forms: the legacy
/// <c>{"code", "message", "more_info", "status"}</c>, or RFC 9457 problem JSON
/// <c>{"type", "title", "status", "code", "detail"}</c> from newer APIs. A body that is neither (a proxy's
/// HTML page) still gives the HTTP status.
/// </summary>
public sealed record TwilioApiError(int HttpStatus, int? Code, string Message)
{
    public static TwilioApiError Parse(int httpStatus, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : (int?)null;
                var message = Text(root, "detail") ?? Text(root, "message") ?? Text(root, "title");
                if (code is not null || message is not null)
                {
                    return new TwilioApiError(httpStatus, code, message ?? $"HTTP {httpStatus}");
                }
            }
        }
        catch (JsonException)
        {
        }

        var excerpt = body.Length > 200 ? body[..200] + "…" : body;
        return new TwilioApiError(httpStatus, null, $"HTTP {httpStatus}: {excerpt}".TrimEnd(' ', ':'));
    }

    static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
