using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>Configuration section <c>DirectLine</c>: the web chat's Direct Line 3.0 endpoint.</summary>
public sealed class DirectLineOptions : IOptionsSection
{
    public static string Section => "DirectLine";

    /// <summary>
    /// The secret a trusted server uses to open conversations (<c>Authorization: Bearer &lt;secret&gt;</c>) and
    /// the key that signs tokens. Unset: a random one is made at every start (tokens then die with the
    /// process), which suits one embedded node; several nodes must share a configured one.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a token is valid; directlinejs refreshes it at half this.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long after it expired the /chat page may still trade a token it kept for a new one for the
    /// same conversation (a phone that slept with the page open, a reload the next morning).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long one browser session may go on by refreshing, resuming and reconnecting its tokens; after it the
    /// page starts a new conversation. Bounds how long a token taken from a shared phone stays useful.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan MaxSessionAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Largest activity a client may post, in bytes of JSON (Direct Line's own limit is 256K characters).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Longest message text a client may post, in characters (UTF-16 units); longer is refused with 413 and nothing
    /// is stored. Well above every answer's own limit (at most 1,600), so a merely long answer still reaches the dialog
    /// and gets its re-prompt in her language; only pasted documents and scripts meet this bound.
    /// </summary>
    [Range(1600, 256 * 1024)]
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>How often an idle WebSocket gets an empty keep-alive frame (proxies close silent sockets).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Database connections web chat uses at once on this node (turns and stream reads queue beyond it).</summary>
    [Range(1, 1000)]
    public int MaxDatabaseConnections { get; set; } = 32;

    /// <summary>
    /// Public base of the stream URLs (<c>wss://chat.example.org</c>) when MentorBot runs behind a proxy
    /// that terminates TLS; unset, they are made from the request's own host and scheme.
    /// </summary>
    [AbsoluteUrl("ws", "wss", "http", "https", Example = "wss://chat.example.org")]
    public string? PublicStreamBase { get; set; }
}
