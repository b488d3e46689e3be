using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body decoded strictly. ASP.NET's form reader replaces bytes
/// that are not UTF-8 with U+FFFD; we refuse them instead, because Twilio always sends UTF-8 and a
/// silently altered body would be stored as if she had written it.
/// </summary>
public static class TwilioForm
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out List<KeyValuePair<string, string>>? fields)
    {
        fields = [];
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? [] : pair[(equals + 1)..];
            if (!TryDecode(name, out var decodedName) || !TryDecode(value, out var decodedValue))
            {
                fields = null;
                return false;
            }

            fields.Add(new(decodedName, decodedValue));
        }

        return true;
    }

    static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out string? text)
    {
        text = null;
        var bytes = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+')
            {
                b = (byte)' ';
            }
            else if (b == '%')
            {
                if (i + 2 >= encoded.Length || HexValue(encoded[i + 1]) is not { } high || HexValue(encoded[i + 2]) is not { } low)
                {
                    return false;
                }

                b = (byte)((high << 4) | low);
                i += 2;
            }

            bytes[length++] = b;
        }

        try
        {
            text = StrictUtf8.GetString(bytes, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    static int? HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => null,
    };
}
