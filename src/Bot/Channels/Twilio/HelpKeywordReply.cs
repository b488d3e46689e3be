using MentorBot.Bot.Conversations;
using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Channels.Twilio;

/// <summary>
/// The answer to HELP by SMS or WhatsApp, as carriers expect from any SMS program: who writes, the program's
/// contact (<c>Twilio__HelpContact</c>) and how to stop, in her language (<c>twilio.help_contact</c>). It is
/// queued before her dialog runs, so it comes first; the dialog then answers HELP its own way and asks its
/// question again. With no contact configured there is nothing to add, and only the dialog answers.
/// </summary>
public sealed class HelpKeywordReply(DialogLibrary library, TwilioOptions options)
{
    public const string Key = "twilio.help_contact";

    public Message? Add(MentorBotDb db, Conversation conversation, Participant person, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(options.HelpContact))
        {
            return null;
        }

        var language = person.PreferredLanguage;
        var source = new Dialogs.Engine.OutboundMessage(language, Key, new Dictionary<string, string> { ["contact"] = options.HelpContact.Trim() }, []);
        var message = new Message
        {
            ConversationId = conversation.Id, ParticipantId = person.Id, Channel = conversation.Channel, Direction = MessageDirection.Outbound,
            Author = MessageAuthor.Bot, Language = language, DeliveryStatus = DeliveryStatus.Queued, CreatedAt = now, UpdatedAt = now,
            Text = library.Catalog.Format(language, Key, source.Arguments),
        };
        TranscriptColumns.WriteSource(message, source);
        db.Messages.Add(message);
        return message;
    }
}
