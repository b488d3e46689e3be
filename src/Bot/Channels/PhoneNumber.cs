using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PhoneNumbers;

namespace MentorBot.Bot.Channels;

/// <summary>
/// Phone numbers read with Google's libphonenumber and written as E.164 (<c>+4520123456</c>), and masked for logs.
/// libphonenumber knows every country's lengths, trunk and international prefixes and allocated ranges, and reads
/// Arabic-Indic, Persian and full-width digits, spaces, dashes, dots and brackets as mentees type them.
/// </summary>
public static class PhoneNumber
{
    static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// A number a person typed, as E.164, only when libphonenumber says it is a valid number: one of an allocated
    /// range of its country (<c>12 34 56 78</c> has a Danish length but no Danish number starts with 1). A number
    /// without <c>+</c> or an international prefix is read as one of <paramref name="defaultRegion"/> (<c>DK</c>).
    /// </summary>
    public static bool TryNormalize(string? typed, string defaultRegion, [NotNullWhen(true)] out string? e164) =>
        TryParse(typed, defaultRegion, number => Numbers.IsValidNumber(number) && !number.HasExtension, out e164);

    /// <summary>
    /// A number Twilio gave us (a webhook's <c>From</c>) or we stored, as E.164, when it has a possible length for
    /// its country. Not refused for a range libphonenumber doesn't know: Twilio delivered her message, so her number
    /// exists, and refusing it would lose what she wrote.
    /// </summary>
    public static bool TryRead(string? text, string defaultRegion, [NotNullWhen(true)] out string? e164) =>
        TryParse(text, defaultRegion, Numbers.IsPossibleNumber, out e164);

    static bool TryParse(string? text, string defaultRegion, Func<PhoneNumbers.PhoneNumber, bool> accept, [NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            var number = Numbers.Parse(WithoutFormatCharacters(text), defaultRegion);
            if (!accept(number))
            {
                return false;
            }

            e164 = Numbers.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>
    /// Right-to-left keyboards put invisible direction marks (LRM, RLM, ALM, the bidi embeddings and isolates) into
    /// the number she types, also between its digit groups, where libphonenumber takes them for the end of the number.
    /// </summary>
    static string WithoutFormatCharacters(string text) =>
        text.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            ? string.Concat(text.Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.Format))
            : text;

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
}
