using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace MentorBot.Bot.Channels;

/// <summary>
/// Phone numbers as people type them, turned into E.164 (<c>+4512345678</c>), and masked for logs.
/// Mentees often write numbers in Arabic-Indic or Persian digits, with spaces, dashes or the 00 prefix,
/// and in right-to-left text that carries invisible direction marks.
/// </summary>
public static class PhoneNumber
{
    /// <summary>
    /// E.164 from <paramref name="input"/>. A number without <c>+</c> or <c>00</c> is national and gets
    /// <paramref name="defaultCountryCode"/> (<c>45</c> or <c>+45</c>); its single trunk 0, if any, is dropped
    /// (Danish numbers have none; 0701… in Sweden is +46701…). Danish numbers must have 8 digits, others 8 to 15 in all.
    /// </summary>
    public static bool TryNormalize(string? input, string defaultCountryCode, [NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var digits = new StringBuilder(input.Length);
        var international = false;
        foreach (var c in input.Trim())
        {
            if (AsciiDigit(c) is { } digit)
            {
                digits.Append(digit);
            }
            else if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (!IsSeparator(c))
            {
                return false;
            }
        }

        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            number = number[2..];
        }
        else if (!international)
        {
            var country = defaultCountryCode.Trim().TrimStart('+');
            if (country.Length == 0 || !country.All(char.IsAsciiDigit))
            {
                return false;
            }

            number = country + (number.StartsWith('0') ? number[1..] : number);
        }

        if (number.Length is < 8 or > 15 || number[0] == '0' || (number.StartsWith("45", StringComparison.Ordinal) && number.Length != 10))
        {
            return false;
        }

        e164 = "+" + number;
        return true;
    }

    /// <summary>For logs: the country code and the last four digits only (<c>+45****5678</c>), keeping a channel prefix.</summary>
    public static string Mask(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "(none)";
        }

        var colon = address.IndexOf(':');
        var prefix = colon >= 0 ? address[..(colon + 1)] : "";
        var number = address[prefix.Length..];
        if (number.Length < 8)
        {
            return prefix + new string('*', number.Length);
        }

        var head = number.StartsWith('+') ? 3 : 0;
        return prefix + number[..head] + "****" + number[^4..];
    }

    static char? AsciiDigit(char c) => c switch
    {
        >= '0' and <= '9' => c,
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // Arabic-Indic ٠١٢٣٤٥٦٧٨٩
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')), // Extended Arabic-Indic (Persian, Urdu) ۰۱۲۳۴۵۶۷۸۹
        >= '\uFF10' and <= '\uFF19' => (char)('0' + (c - '\uFF10')), // full-width digits from East Asian keyboards
        _ => null,
    };

    // Spaces of every width, dashes, dots, slashes, brackets, and the invisible direction marks that
    // right-to-left keyboards put around numbers (LRM, RLM, ALM and the bidi embeddings and isolates).
    static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '-' or '.' or '/' or '(' or ')' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212'
            or '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
