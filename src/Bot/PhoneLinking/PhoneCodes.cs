using System.Security.Cryptography;
using System.Text;
using MentorBot.Bot.Dialogs.Understanding;

namespace MentorBot.Bot.PhoneLinking;

/// <summary>
/// Six-digit one-time codes: made by the cryptographic generator, stored as a salted SHA-256 only (the
/// verification's id is the salt, so equal codes never look equal in the table), compared in constant time.
/// </summary>
public static class PhoneCodes
{
    public const int Length = 6;

    public static string New() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string Hash(Guid verificationId, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{verificationId:N}:{code}")));

    /// <summary>True when what she typed is the code: digits in any script, spaces and dashes ignored.</summary>
    public static bool Matches(Guid verificationId, string storedHash, string typed)
    {
        var digits = new string(TextNormalizer.FoldDigits(typed).Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != Length)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(storedHash);
        var actual = Encoding.ASCII.GetBytes(Hash(verificationId, digits));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
