using System.Globalization;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>Twilio's date fields: RFC 2822 in GMT, e.g. <c>Mon, 30 Nov 2026 01:28:44 +0000</c>.</summary>
public static class Rfc2822Date
{
    public static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // .NET's "zzz" wants "+00:00"; Twilio writes "+0000", so the offset is read by hand.
        var space = text.LastIndexOf(' ');
        if (space < 0 || !DateTime.TryParseExact(text[..space], "ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = text[(space + 1)..];
        if (zone is "GMT" or "UT" or "Z")
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        if (zone.Length == 5 && (zone[0] is '+' or '-') && int.TryParse(zone[1..3], out var hours) && int.TryParse(zone[3..], out var minutes))
        {
            var offset = new TimeSpan(hours, minutes, 0);
            return new DateTimeOffset(local, zone[0] == '-' ? -offset : offset);
        }

        return null;
    }
}
