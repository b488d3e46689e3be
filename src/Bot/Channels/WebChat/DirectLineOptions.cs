namespace MentorBot.Bot.Channels.WebChat;

/// <summary>Configuration section <c>DirectLine</c>: the web chat's Direct Line 3.0 endpoint.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>
    /// The secret a trusted server uses to open conversations (<c>Authorization: Bearer &lt;secret&gt;</c>) and
    /// the key that signs tokens. Unset: a random one is made at every start (tokens then die with the
    /// process), which suits one embedded node; several nodes must share a configured one.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a token is valid; directlinejs refreshes it at half this.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long after it expired the /chat page may still trade a token it kept for a new one for the
    /// same conversation (a phone that slept with the page open, a reload the next morning).
    /// </summary>
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Largest activity a client may post, in bytes of JSON (Direct Line's own limit is 256K characters).</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>How often an idle WebSocket gets an empty keep-alive frame (proxies close silent sockets).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Database connections web chat uses at once on this node (turns and stream reads queue beyond it).</summary>
    public int MaxDatabaseConnections { get; set; } = 32;

    /// <summary>
    /// Public base of the stream URLs (<c>wss://chat.example.org</c>) when MentorBot runs behind a proxy
    /// that terminates TLS; unset, they are made from the request's own host and scheme.
    /// </summary>
    public string? PublicStreamBase { get; set; }
}
