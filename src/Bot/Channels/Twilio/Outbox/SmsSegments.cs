namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// How many SMS segments a body takes, which is what a sender's throughput is counted in. A body that fits
/// the GSM-7 alphabet (Danish æøå included) takes 160 characters in one segment, 153 per segment when split;
/// one character outside it (Arabic, Ukrainian, an emoji) makes the whole message UCS-2: 70, then 67 per
/// segment, counted in UTF-16 units. GSM-7's extension characters (€, [, ], {, }, ^, ~, |, \) count twice.
/// </summary>
public static class SmsSegments
{
    const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    const string Extension = "\f^{}\\[~]|€";

    public static int Count(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return 1;
        }

        var septets = 0;
        foreach (var c in body)
        {
            if (Basic.Contains(c))
            {
                septets++;
            }
            else if (Extension.Contains(c))
            {
                septets += 2;
            }
            else
            {
                return Split(body.Length, single: 70, multipart: 67);
            }
        }

        return Split(septets, single: 160, multipart: 153);
    }

    static int Split(int units, int single, int multipart) => units <= single ? 1 : (units + multipart - 1) / multipart;
}
