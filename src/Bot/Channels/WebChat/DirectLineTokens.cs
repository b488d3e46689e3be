using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// Issues and checks Direct Line tokens: compact JWTs signed with HMAC-SHA256 under the Direct Line
/// secret, carrying the conversation (<c>conv</c>), the user (<c>user</c>, which Web Chat reads as its
/// user id), the page's locale, the expiry, the conversation's token generation (<c>gen</c>) and when the session
/// began (<c>ses</c>). Only the generation is looked up (<see cref="DirectLineTokenGenerations"/>); any node with
/// the secret can check the rest.
/// </summary>
public sealed class DirectLineTokens(DirectLineSecret secret, DirectLineOptions options, TimeProvider clock)
{
    static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public TimeSpan Lifetime => options.TokenLifetime;

    /// <summary>A token that starts a session, at generation 0 (a new conversation) or <paramref name="generation"/>.</summary>
    public string Issue(string conversationId, string userId, string? locale, int generation = 0) =>
        Issue(conversationId, userId, locale, generation, clock.GetUtcNow());

    /// <summary>A token that continues a session begun at <paramref name="sessionStart"/>.</summary>
    public string Issue(string conversationId, string userId, string? locale, int generation, DateTimeOffset sessionStart)
    {
        var now = clock.GetUtcNow();
        var claims = new Claims(conversationId, userId, locale, (now + options.TokenLifetime).ToUnixTimeSeconds(), generation, sessionStart.ToUnixTimeSeconds());
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
            if (claims is not { Conv.Length: > 0, User.Length: > 0 })
            {
                return null;
            }

            var expires = DateTimeOffset.FromUnixTimeSeconds(claims.Exp);
            // A token from before sessions had a start: its session began when it was issued.
            var sessionStart = claims.Ses is { } ses ? DateTimeOffset.FromUnixTimeSeconds(ses) : expires - options.TokenLifetime;
            return new DirectLineToken(claims.Conv, claims.User, claims.Locale, expires, claims.Gen ?? 0, sessionStart);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public bool IsExpired(DirectLineToken token) => token.ExpiresAt <= clock.GetUtcNow();

    /// <summary>Whether the token's session is older than <c>DirectLine__MaxSessionAge</c>: no refresh, resume or reconnect continues it.</summary>
    public bool SessionEnded(DirectLineToken token) => token.SessionStart + options.MaxSessionAge <= clock.GetUtcNow();

    string Sign(string signedPart) => Base64Url.EncodeToString(HMACSHA256.HashData(secret.Key, Encoding.ASCII.GetBytes(signedPart)));

    internal sealed record Claims(
        [property: JsonPropertyName("conv")] string Conv,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("locale")] string? Locale,
        [property: JsonPropertyName("exp")] long Exp,
        [property: JsonPropertyName("gen")] int? Gen,
        [property: JsonPropertyName("ses")] long? Ses);
}

[JsonSerializable(typeof(DirectLineTokens.Claims))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class TokenJson : JsonSerializerContext;
