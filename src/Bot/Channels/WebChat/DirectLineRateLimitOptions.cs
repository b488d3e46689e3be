using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// How much one visitor may ask of Direct Line (<c>DirectLineLimits__…</c>): posts per conversation and per client
/// address, and conversation starts per client address, each per <see cref="Window"/>. The client address is the
/// TCP peer, or behind a configured proxy (<c>Proxy__KnownProxies</c>) the client it names. A caller holding the
/// secret is a site's own server speaking for all its visitors: only the per-conversation limit applies to it.
/// </summary>
public sealed class DirectLineRateLimitOptions : IOptionsSection
{
    public static string Section => "DirectLineLimits";

    /// <summary>
    /// Activities one conversation may post per window (messages and typing alike). A person answering as fast
    /// as she can reads and taps sends a few a minute; a script sends hundreds.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PostsPerConversation { get; set; } = 60;

    /// <summary>
    /// Activities one client address may post per window, over all its conversations: a classroom or a shelter
    /// behind one address is many people at once, so it is well above one conversation's allowance.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PostsPerAddress { get; set; } = 600;

    /// <summary>
    /// <c>POST /v3/directline/conversations</c> one client address may make per window (a page load is one): a
    /// visitor who opens conversation after conversation would otherwise fill the database with empty ones.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ConversationStartsPerAddress { get; set; } = 30;

    /// <summary>The fixed window of all three limits.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
