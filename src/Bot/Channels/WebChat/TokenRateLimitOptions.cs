using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>How many web chat tokens one client address may get (<c>WebChatTokenLimit__…</c>).</summary>
public sealed class TokenRateLimitOptions : IOptionsSection
{
    public static string Section => "WebChatTokenLimit";

    /// <summary>Tokens per client address per <see cref="Window"/>; a page load needs one (a reload one more).</summary>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Empty: the client is the TCP peer. Behind a reverse proxy, the header it sets (<c>X-Forwarded-For</c>):
    /// the right-most address in it is the one the proxy saw. Only set it when a proxy you run always sets
    /// the header, or anyone could pick a fresh address per request.
    /// </summary>
    public string ClientAddressHeader { get; set; } = "";
}
