namespace MentorBot.Bot.Dialogs.Rendering;

/// <summary>
/// How an SMS body will be sent and how many parts it costs. Mentor prompts should fit one part; an
/// Arabic prompt has less than half the room of a Danish one.
/// </summary>
/// <param name="Units">GSM-7 septets (extension characters such as € count two) or UTF-16 code units.</param>
public sealed record SmsLength(SmsEncoding Encoding, int Units, int Segments)
{
    // GSM 03.38 basic table (without the escape code) and extension table.
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extension = "\f^{}\\[~]|€";

    public static SmsLength Measure(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            if (Gsm7Basic.Contains(c)) septets += 1;
            else if (Gsm7Extension.Contains(c)) septets += 2;
            else return Sized(SmsEncoding.Ucs2, text.Length, single: 70, part: 67);
        }
        return Sized(SmsEncoding.Gsm7, septets, single: 160, part: 153);
    }

    // A split message spends part of each segment on the header that joins the parts again.
    private static SmsLength Sized(SmsEncoding encoding, int units, int single, int part) =>
        new(encoding, units, units == 0 ? 0 : units <= single ? 1 : (units + part - 1) / part);
}
