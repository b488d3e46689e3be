using Microsoft.AspNetCore.Http.Features;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// A webhook request from Twilio, read and checked: form-encoded, at most <see cref="MaxBodyBytes"/>, valid
/// UTF-8, and signed with our auth token over the URL Twilio called. Anything else is refused with a 4xx
/// before any of it is used.
/// </summary>
public sealed class TwilioWebhook
{
    /// <summary>A message body is at most 1600 characters; with every other field Twilio's requests stay far below this.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    TwilioWebhook(IReadOnlyList<KeyValuePair<string, string>> fields) => Fields = fields;

    /// <summary>Every parameter as sent, unknown ones included (they are part of the signature).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    public string? this[string name] => Fields.FirstOrDefault(f => f.Key == name).Value;

    /// <summary>The checked webhook, or the response that refuses it.</summary>
    public static async Task<(TwilioWebhook? Webhook, IResult? Refusal)> ReadAsync(HttpContext http, TwilioAccount account, CancellationToken ct)
    {
        var request = http.Request;
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Results.StatusCode(StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(request.Body, ct);
        }
        catch (BadHttpRequestException e)
        {
            return (null, Results.StatusCode(e.StatusCode));
        }

        if (body.Length > MaxBodyBytes)
        {
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        if (!TwilioForm.TryParse(body, out var fields))
        {
            return (null, Results.BadRequest("The body is not form-encoded UTF-8."));
        }

        var signature = request.Headers["X-Twilio-Signature"].ToString();
        if (!TwilioSignature.IsValid(account.AuthToken, signature, SignedUrl(request, account), fields))
        {
            return (null, Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        return (new TwilioWebhook(fields), null);
    }

    /// <summary>
    /// The URL Twilio signed: the configured public base URL with our path and query (behind a proxy the
    /// request's own host is not the one Twilio called), else the request's own scheme, host, path and query.
    /// </summary>
    static string SignedUrl(HttpRequest request, TwilioAccount account)
    {
        var pathAndQuery = request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        return (account.ConfiguredPublicBaseUrl ?? $"{request.Scheme}://{request.Host.ToUriComponent()}") + pathAndQuery;
    }

    static async Task<byte[]> ReadBodyAsync(Stream stream, CancellationToken ct)
    {
        // Reads one byte past the limit at most, so an oversized chunked body is refused without being buffered.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }
}
