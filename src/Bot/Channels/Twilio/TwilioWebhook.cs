using System.Collections.Specialized;
using Microsoft.AspNetCore.Http.Features;
using Twilio.Security;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// A webhook request from Twilio, read and checked: form-encoded, at most <see cref="MaxBodyBytes"/>, valid
/// UTF-8, and signed with our auth token over the URL Twilio called (checked by Twilio's SDK). Anything else is refused with a 4xx
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

        if (!IsSignedByTwilio(request.Headers["X-Twilio-Signature"].ToString(), SignedUrl(request, account), fields, account.AuthToken))
        {
            return (null, Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        return (new TwilioWebhook(fields), null);
    }

    /// <summary>
    /// Twilio's own validator (its C# SDK): HMAC-SHA1 over the URL and every parameter, the URL also tried with the
    /// standard port added or removed. A repeated parameter counts as its values joined by commas, as the SDK reads it.
    /// </summary>
    static bool IsSignedByTwilio(string signature, string url, IReadOnlyList<KeyValuePair<string, string>> fields, string authToken)
    {
        // The SDK throws on an empty signature or token rather than saying no.
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        var parameters = new NameValueCollection(fields.Count, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            parameters.Add(name, value);
        }

        try
        {
            return new RequestValidator(authToken).Validate(url, parameters, signature);
        }
        catch (UriFormatException)
        {
            return false; // Twilio__PublicBaseUrl is not a URL: nothing can be signed for it
        }
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
