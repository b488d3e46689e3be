using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// The /chat page's Content-Security-Policy: scripts only from MentorBot itself plus the page's own inline
/// script, named by its SHA-256 hash (the script changes with the language list, so the hash is taken of the
/// page as served), never 'unsafe-inline'. Web Chat injects its styles at run time, hence inline styles.
/// </summary>
public static partial class ChatPagePolicy
{
    public static string For(string page, string? publicStreamBase)
    {
        var hashes = InlineScript().Matches(page)
            .Select(match => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups[1].Value)))}'");
        var streams = StreamOrigin(publicStreamBase) is { } origin ? " " + origin : "";
        return $"default-src 'self'; script-src 'self' {string.Join(' ', hashes)}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + $"connect-src 'self'{streams}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /// <summary>The configured stream base's origin (wss://chat.example.org), which 'self' does not cover.</summary>
    static string? StreamOrigin(string? publicStreamBase) =>
        Uri.TryCreate(publicStreamBase, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    [GeneratedRegex(@"<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
