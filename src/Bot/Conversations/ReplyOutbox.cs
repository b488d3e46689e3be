using MentorBot.Bot.Channels.Twilio.Outbox;
using MentorBot.Bot.Dialogs.Rendering;
using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// Turns a reply into outbound messages for the conversation's channel — SMS text with numbered
/// options, or the same text for web chat (whose buttons its channel adds) — queued in the same unit of
/// work as the dialog state, so a crash neither loses nor duplicates them. Each channel's sender takes
/// the queued rows from there. The terminal's messages are shown at once, so they are stored as delivered.
/// An SMS/WhatsApp text over <see cref="OutboundBody.MaxLength"/> (a summary of long answers) is queued as several
/// messages in order, cut between words: she reads all of it, and no body Twilio would refuse reaches the outbox.
/// </summary>
public sealed class ReplyOutbox(DialogLibrary library)
{
    readonly SmsRenderer _sms = new(library.Catalog);

    public IReadOnlyList<Message> Add(MentorBotDb db, Conversation conversation, Participant person, ConversationReply reply, DateTimeOffset now)
    {
        // The messages of one turn are stamped a microsecond apart (the database's precision), so they
        // keep their order in the transcript and the outbox even when the clock does not move between them.
        // A long text split into several bodies keeps its key on the first one: the console shows its twin there.
        var bodies = reply.Messages.SelectMany(message => Bodies(conversation.Channel, _sms.Render(message))
            .Select((text, part) => (Source: part == 0 ? message : null, message.Language, Text: text)));
        var messages = bodies.Select((body, index) =>
        {
            var row = new Message
            {
                ConversationId = conversation.Id,
                ParticipantId = person.Id,
                Channel = conversation.Channel,
                Direction = MessageDirection.Outbound,
                Author = MessageAuthor.Bot,
                Text = body.Text,
                Language = body.Language,
                DeliveryStatus = conversation.Channel == Channel.Console ? DeliveryStatus.Delivered : DeliveryStatus.Queued,
                CreatedAt = now.AddTicks(index * TimeSpan.TicksPerMicrosecond),
                UpdatedAt = now,
            };
            if (body.Source is { } source)
            {
                TranscriptColumns.WriteSource(row, source);
            }

            return row;
        }).ToList();
        db.Messages.AddRange(messages);
        conversation.LastActivityAt = now;
        return messages;
    }

    static IReadOnlyList<string> Bodies(Channel channel, string text) =>
        channel is Channel.Sms or Channel.Whatsapp ? OutboundBody.Split(text) : [text];
}
