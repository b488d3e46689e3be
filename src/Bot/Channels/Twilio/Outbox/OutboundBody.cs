using System.Globalization;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// The longest body an SMS or WhatsApp message may have, and how a longer text becomes several. Twilio refuses a
/// body over 1,600 characters (error 21617) after the send was paced and POSTed; we keep such a body from ever
/// being queued. Length is counted in UTF-16 units (<see cref="string.Length"/>), which is never less than what
/// Twilio counts, so a part that fits here fits there.
/// </summary>
public static class OutboundBody
{
    public const int MaxLength = 1600;

    public static bool Fits(string? text) => (text?.Length ?? 0) <= MaxLength;

    /// <summary>
    /// The text in parts of at most <paramref name="maxLength"/>, in order: cut at the last line break in the
    /// second half of the allowance, else at the last whitespace, else (one word longer than the allowance) at the
    /// last character boundary. Cuts fall only between text elements, so an emoji, a surrogate pair or a letter
    /// with its combining marks is never torn apart. The whitespace at a cut (and around a text that is split) is dropped; nothing else is.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return [text];
        }

        text = text.Trim();
        if (text.Length <= maxLength)
        {
            return [text];
        }

        var starts = StringInfo.ParseCombiningCharacters(text);
        var parts = new List<string>();
        var start = 0;
        while (text.Length - start > maxLength)
        {
            var cut = CutPoint(text, starts, start, maxLength);
            parts.Add(text[start..cut].TrimEnd());
            start = cut;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        if (start < text.Length)
        {
            parts.Add(text[start..]);
        }

        return parts;
    }

    /// <summary>Where the part that begins at <paramref name="start"/> ends (exclusive); never past start + maxLength.</summary>
    static int CutPoint(string text, int[] starts, int start, int maxLength)
    {
        var limit = start + maxLength;
        var last = Array.BinarySearch(starts, limit);
        if (last < 0)
        {
            last = ~last - 1; // the last text element that begins at or before the limit
        }

        int? space = null;
        for (var i = last; i >= 0 && starts[i] > start; i--)
        {
            var position = starts[i];
            if (!IsLoneWhitespace(text, starts, i))
            {
                continue;
            }

            var inSecondHalf = position - start >= maxLength / 2;
            if (text[position] == '\n' && inSecondHalf)
            {
                return position; // keeps a summary's lines whole
            }

            space ??= position;
            if (!inSecondHalf)
            {
                break;
            }
        }

        if (space is { } found)
        {
            return found;
        }

        if (starts[last] > start)
        {
            return starts[last];
        }

        // One text element longer than a whole part (a letter with a thousand combining marks): cut inside it,
        // but not between the halves of a surrogate pair.
        return char.IsLowSurrogate(text[limit]) && limit - 1 > start ? limit - 1 : limit;
    }

    // A whitespace followed by a combining mark is one text element with it; cutting there would orphan the mark.
    static bool IsLoneWhitespace(string text, int[] starts, int index) =>
        char.IsWhiteSpace(text[starts[index]]) && (index + 1 == starts.Length ? text.Length : starts[index + 1]) == starts[index] + 1;
}
