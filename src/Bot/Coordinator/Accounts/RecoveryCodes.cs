using System.Security.Cryptography;
using System.Text;

namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>
/// Two-factor recovery codes: ten at a time, each 16 characters of an unambiguous alphabet (79 bits) shown as
/// <c>abcd-efgh-jkmn-pqrs</c>. So much randomness makes a plain SHA-256 enough to store them (a slow password
/// hash is for guessable secrets); Identity's own codes are 10 characters and stored as they are.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    // Letters and digits without 0/o and 1/i/l: a code read off paper is typed back right.
    const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static IReadOnlyList<string> Generate() =>
        Enumerable.Range(0, Count).Select(_ => string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)))).ToList();

    /// <summary>Hex SHA-256 of the code as typed, without dashes, spaces and case.</summary>
    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    public static string Normalize(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
