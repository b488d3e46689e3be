using System.Diagnostics.CodeAnalysis;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>A Twilio address: an E.164 number for SMS, or <c>whatsapp:+E164</c> for WhatsApp.</summary>
public sealed record TwilioAddress(Channel Channel, string Phone)
{
    public const string WhatsAppPrefix = "whatsapp:";

    /// <summary>As Twilio writes it, and as we keep it in <see cref="Conversation.ChannelConversationId"/>.</summary>
    public override string ToString() => Channel == Channel.Whatsapp ? WhatsAppPrefix + Phone : Phone;

    public static bool TryParse(string? text, string defaultCountryCode, [NotNullWhen(true)] out TwilioAddress? address)
    {
        address = null;
        if (text is null)
        {
            return false;
        }

        text = text.Trim();
        var whatsApp = text.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase);
        if (!PhoneNumber.TryNormalize(whatsApp ? text[WhatsAppPrefix.Length..] : text, defaultCountryCode, out var phone))
        {
            return false;
        }

        address = new TwilioAddress(whatsApp ? Channel.Whatsapp : Channel.Sms, phone);
        return true;
    }
}
