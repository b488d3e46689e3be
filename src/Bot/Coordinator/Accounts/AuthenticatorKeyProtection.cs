using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>
/// Encrypts a coordinator's TOTP key for <c>coordinators.authenticator_key</c> with ASP.NET Core data protection
/// (the key ring in <c>data_protection_keys</c>, itself encrypted by <c>DataProtection__CertificatePath</c> when set):
/// a database dump alone no longer gives every second factor away. The stored form is <c>dp1:</c> and the protected
/// text. Rows from before migration 0014 hold the plain base32 key: read as they are, encrypted when next saved.
/// </summary>
public sealed class AuthenticatorKeyProtection(IDataProtectionProvider provider)
{
    const string Prefix = "dp1:";

    readonly IDataProtector _protector = provider.CreateProtector("MentorBot.Coordinator.AuthenticatorKey.v1");

    public string Protect(string key) => Prefix + _protector.Protect(key);

    /// <summary>The plain key; a plain (legacy) value as it is; null when the stored text can't be decrypted (a lost key ring).</summary>
    public string? Unprotect(string? stored)
    {
        if (stored is null || !IsProtected(stored))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            // Without the key that wrote it, her authenticator is lost: she is treated as not enrolled (the admin resets her).
            return null;
        }
    }

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);
}
