using System.Security.Cryptography;
using System.Text;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>The Direct Line secret: <c>DirectLine__Secret</c>, or one made at startup (logged that it was, never its value).</summary>
public sealed partial class DirectLineSecret
{
    readonly string _value;

    DirectLineSecret(string value)
    {
        _value = value;
        Key = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>The HMAC key tokens are signed with.</summary>
    public byte[] Key { get; }

    public static DirectLineSecret From(DirectLineOptions options, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.Secret))
        {
            return new DirectLineSecret(options.Secret);
        }

        LogGenerated(logger);
        return new DirectLineSecret(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    /// <summary>Compares in constant time, so the secret can't be guessed byte by byte from response times.</summary>
    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Key, Encoding.UTF8.GetBytes(candidate));

    [LoggerMessage(LogLevel.Warning, "DirectLine__Secret is not set: generated a random Direct Line secret for this process. Web chat tokens end when it stops; set DirectLine__Secret when several nodes serve web chat")]
    static partial void LogGenerated(ILogger logger);
}
