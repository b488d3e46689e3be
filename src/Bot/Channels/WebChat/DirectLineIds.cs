using System.Buffers.Text;
using System.Security.Cryptography;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>New Direct Line conversation and user ids: random and unguessable, URL-safe.</summary>
public static class DirectLineIds
{
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The <c>dl_</c> prefix is Direct Line's mark of a user id the service chose, not the client.</summary>
    public static string NewUserId() => "dl_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));
}
