using System.Text.Json;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Channels.Twilio.Outbox;

/// <summary>
/// Where and how an outbound message goes: SMS to her number; WhatsApp as free text inside the 24-hour window,
/// else as the configured template, else as SMS to the same number.
/// </summary>
public sealed class DeliveryPlanner(MentorBotDb db, TwilioAccount account)
{
    public async Task<DeliveryPlan?> PlanAsync(Message message, Participant? participant, Conversation? conversation, DateTimeOffset now, CancellationToken ct)
    {
        if (Recipient(message, participant, conversation) is not { } to)
        {
            return null;
        }

        var sms = Request(message, to, DeliveryRoute.Sms);
        if (to.Channel != Channel.Whatsapp)
        {
            return sms;
        }

        var lastInbound = await db.Messages
            .Where(m => m.ParticipantId == message.ParticipantId && m.Channel == Channel.Whatsapp && m.Direction == MessageDirection.Inbound)
            .MaxAsync(m => (DateTimeOffset?)m.CreatedAt, ct);
        if (WhatsAppWindow.IsOpen(lastInbound, now))
        {
            return Request(message, to, DeliveryRoute.WhatsappFreeText);
        }

        return string.IsNullOrEmpty(account.Options.WhatsAppTemplateSid) ? sms : Request(message, to, DeliveryRoute.WhatsappTemplate);
    }

    /// <summary>The request an earlier attempt made by <paramref name="route"/>: what to look for in Twilio's message list.</summary>
    public DeliveryPlan? Replan(Message message, Participant? participant, Conversation? conversation, DeliveryRoute route) =>
        Recipient(message, participant, conversation) is { } to ? Request(message, to, route) : null;

    TwilioAddress? Recipient(Message message, Participant? participant, Conversation? conversation)
    {
        var defaultRegion = account.Options.DefaultRegion;
        if (conversation is not null && TwilioAddress.TryParse(conversation.ChannelConversationId, defaultRegion, out var address))
        {
            return address;
        }

        if (participant?.Phone is { } phone && TwilioAddress.TryParse(phone, defaultRegion, out var number))
        {
            return message.Channel == Channel.Whatsapp ? number with { Channel = Channel.Whatsapp } : number;
        }

        return null;
    }

    DeliveryPlan Request(Message message, TwilioAddress to, DeliveryRoute route)
    {
        var from = string.IsNullOrEmpty(account.FromNumber) ? null : account.FromNumber;
        var service = string.IsNullOrEmpty(account.MessagingServiceSid) ? null : account.MessagingServiceSid;
        if (route == DeliveryRoute.Sms)
        {
            return new DeliveryPlan(new TwilioMessageRequest(to.Phone, from, service, message.Text), route);
        }

        var whatsAppFrom = from is null ? null : TwilioAddress.WhatsAppPrefix + from;
        if (route == DeliveryRoute.WhatsappFreeText)
        {
            return new DeliveryPlan(new TwilioMessageRequest(to.ToString(), whatsAppFrom, service, message.Text), route);
        }

        var variables = JsonSerializer.Serialize(new Dictionary<string, string> { ["1"] = message.Text });
        return new DeliveryPlan(new TwilioMessageRequest(to.ToString(), whatsAppFrom, service, null, account.Options.WhatsAppTemplateSid, variables), route);
    }
}
