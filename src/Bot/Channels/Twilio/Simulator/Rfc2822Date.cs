using System.Globalization;

namespace MentorBot.Bot.Channels.Twilio.Simulator;

/// <summary>Twilio's date fields: RFC 2822 in GMT, e.g. <c>Mon, 30 Nov 2026 01:28:44 +0000</c>.</summary>
public static class Rfc2822Date
{
    public static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
