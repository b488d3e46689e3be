using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>
/// The secret in a setup link: 32 random bytes, base64url. Only its SHA-256 is stored (a plain hash is enough for
/// 256 random bits), so a database dump holds no usable link.
/// </summary>
public static class SetupLinkToken
{
    public static string Generate() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The path the admin hands over; the page adds the site's address in front.</summary>
    public static string PathOf(string token) => $"{ConsolePaths.Setup}/{token}";
}
