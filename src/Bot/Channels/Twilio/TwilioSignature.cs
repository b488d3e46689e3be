using System.Security.Cryptography;
using System.Text;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// X-Twilio-Signature for form-encoded webhooks: Base64(HMAC-SHA1(auth token, URL + each parameter
/// name and value, names in ordinal order)). Repeated names follow Twilio's Node library: the distinct
/// values, sorted, each appended with its name.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                data.Append(group.Key).Append(value);
            }
        }

        var hash = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(hash);
    }

    /// <summary>
    /// True when <paramref name="signature"/> matches the URL as given, or with its standard port (443/80)
    /// removed or added: Twilio is inconsistent about including it, and its own validators accept both.
    /// The comparison takes the same time whatever the signature.
    /// </summary>
    public static bool IsValid(string authToken, string? signature, string url, IReadOnlyCollection<KeyValuePair<string, string>> parameters)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(signature);
        var valid = false;
        foreach (var variant in UrlVariants(url))
        {
            var expected = Encoding.UTF8.GetBytes(Compute(authToken, variant, parameters));
            valid |= CryptographicOperations.FixedTimeEquals(expected, given);
        }

        return valid;
    }

    static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield break;
        }

        var standardPort = uri.Scheme == Uri.UriSchemeHttps ? 443 : 80;
        if (uri.Port != standardPort)
        {
            yield break;
        }

        // Rebuild from the original text so the path and query keep exactly the encoding Twilio signed.
        var authorityEnd = url.IndexOf('/', uri.Scheme.Length + 3);
        var authority = authorityEnd < 0 ? url : url[..authorityEnd];
        var rest = authorityEnd < 0 ? "" : url[authorityEnd..];
        var portSuffix = $":{standardPort}";
        yield return authority.EndsWith(portSuffix, StringComparison.Ordinal)
            ? authority[..^portSuffix.Length] + rest
            : authority + portSuffix + rest;
    }
}
