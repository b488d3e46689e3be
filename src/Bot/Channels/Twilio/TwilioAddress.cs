using System.Diagnostics.CodeAnalysis;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>A Twilio address: an E.164 number for SMS, or <c>whatsapp:+E164</c> for WhatsApp.</summary>
public sealed record TwilioAddress(Channel Channel, string Phone)
{
    public const string WhatsAppPrefix = "whatsapp:";

    /// <summary>As Twilio writes it, and as we keep it in <see cref="Conversation.ChannelConversationId"/>.</summary>
    public override string ToString() => Channel == Channel.Whatsapp ? WhatsAppPrefix + Phone : Phone;

    /// <summary>An address Twilio gave us or we stored: any number of a possible length (see <see cref="PhoneNumber.TryRead"/>).</summary>
    public static bool TryParse(string? text, string defaultRegion, [NotNullWhen(true)] out TwilioAddress? address) =>
        TryParse(text, defaultRegion, PhoneNumber.TryRead, out address);

    /// <summary>An address a person typed (the test phone): only a valid number (see <see cref="PhoneNumber.TryNormalize"/>).</summary>
    public static bool TryParseTyped(string? text, string defaultRegion, [NotNullWhen(true)] out TwilioAddress? address) =>
        TryParse(text, defaultRegion, PhoneNumber.TryNormalize, out address);

    delegate bool NumberReader(string? text, string defaultRegion, [NotNullWhen(true)] out string? e164);

    static bool TryParse(string? text, string defaultRegion, NumberReader read, [NotNullWhen(true)] out TwilioAddress? address)
    {
        address = null;
        if (text is null)
        {
            return false;
        }

        text = text.Trim();
        var whatsApp = text.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase);
        if (!read(whatsApp ? text[WhatsAppPrefix.Length..] : text, defaultRegion, out var phone))
        {
            return false;
        }

        address = new TwilioAddress(whatsApp ? Channel.Whatsapp : Channel.Sms, phone);
        return true;
    }
}
