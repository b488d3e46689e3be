using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// Issues and checks Direct Line tokens: compact JWTs signed with HMAC-SHA256 under the Direct Line
/// secret, carrying the conversation (<c>conv</c>), the user (<c>user</c>, which Web Chat reads as its
/// user id), the page's locale and the expiry. Nothing is stored: any node with the secret can check one.
/// </summary>
public sealed class DirectLineTokens(DirectLineSecret secret, DirectLineOptions options, TimeProvider clock)
{
    static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public TimeSpan Lifetime => options.TokenLifetime;

    public string Issue(string conversationId, string userId, string? locale)
    {
        var claims = new Claims(conversationId, userId, locale, (clock.GetUtcNow() + options.TokenLifetime).ToUnixTimeSeconds());
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, TokenJson.Default.Claims));
        return $"{Header}.{payload}.{Sign($"{Header}.{payload}")}";
    }

    /// <summary>The token's grant if MentorBot signed it (expired or not: the caller decides), else null.</summary>
    public DirectLineToken? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Header)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        try
        {
            var claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), TokenJson.Default.Claims);
            return claims is { Conv.Length: > 0, User.Length: > 0 }
                ? new DirectLineToken(claims.Conv, claims.User, claims.Locale, DateTimeOffset.FromUnixTimeSeconds(claims.Exp))
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    public bool IsExpired(DirectLineToken token) => token.ExpiresAt <= clock.GetUtcNow();

    string Sign(string signedPart) => Base64Url.EncodeToString(HMACSHA256.HashData(secret.Key, Encoding.ASCII.GetBytes(signedPart)));

    internal sealed record Claims(
        [property: JsonPropertyName("conv")] string Conv,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("locale")] string? Locale,
        [property: JsonPropertyName("exp")] long Exp);
}

[JsonSerializable(typeof(DirectLineTokens.Claims))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class TokenJson : JsonSerializerContext;
