using MentorBot.Bot.Conversations;
using MentorBot.Bot.Dialogs.Rendering;
using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// Adds a turn's replies to the caller's unit of work: a message row each (the transcript) and the
/// Direct Line activity that shows it. Web chat has no outbox: the commit is the delivery, and
/// PostgreSQL's NOTIFY (migration 0004) wakes the streams on every node.
/// </summary>
public sealed class WebChatReplies(DialogLibrary library)
{
    readonly WebChatRenderer _renderer = new(library.Catalog);

    public void Add(MentorBotDb db, Conversation conversation, Participant person, string userId, ConversationReply reply, DateTimeOffset now)
    {
        for (var index = 0; index < reply.Messages.Count; index++)
        {
            var rendered = _renderer.Render(reply.Messages[index]);
            // A microsecond apart (the database's precision), so the transcript keeps the turn's order.
            var at = now.AddTicks(index * TimeSpan.TicksPerMicrosecond);
            var message = new Message
            {
                ConversationId = conversation.Id, ParticipantId = person.Id, Channel = Channel.WebChat, Direction = MessageDirection.Outbound,
                Author = MessageAuthor.Bot, Text = rendered.Text, Language = rendered.Locale, DeliveryStatus = DeliveryStatus.Sent,
                CreatedAt = at, SentAt = at, UpdatedAt = at,
            };
            TranscriptColumns.WriteSource(message, reply.Messages[index]);
            db.Messages.Add(message);
            db.DirectLineActivities.Add(new DirectLineActivity
            {
                ConversationId = conversation.Id, MessageId = message.Id,
                Activity = ActivityJson.Bot(rendered, conversation.ChannelConversationId, userId, at), CreatedAt = at,
            });
        }

        conversation.LastActivityAt = now;
    }
}
