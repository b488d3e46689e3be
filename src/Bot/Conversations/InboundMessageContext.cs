using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore.Storage;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// One inbound message and the unit of work it lives in. <see cref="Db"/> already tracks the participant,
/// conversation and message (not saved yet when new: the channel saves them with what the processor adds, in one
/// go, inside <see cref="Transaction"/>, and commits after the processor returns).
/// </summary>
public sealed record InboundMessageContext(
    MentorBotDb Db,
    IDbContextTransaction Transaction,
    Participant Participant,
    Conversation Conversation,
    Message Message,
    OptOutChange OptOutChange,
    TimeProvider Clock)
{
    /// <summary>
    /// Puts a reply in the outbox (an outbound row in <see cref="DeliveryStatus.Queued"/>) on the same
    /// conversation. The outbox dispatcher sends it after the commit, and never to an opted-out person.
    /// </summary>
    public Message QueueReply(string text, string? language = null)
    {
        var now = Clock.GetUtcNow();
        var reply = new Message
        {
            ConversationId = Conversation.Id,
            ParticipantId = Participant.Id,
            Channel = Conversation.Channel,
            Direction = MessageDirection.Outbound,
            Author = MessageAuthor.Bot,
            Text = text,
            Language = language ?? Participant.PreferredLanguage,
            DeliveryStatus = DeliveryStatus.Queued,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Db.Messages.Add(reply);
        return reply;
    }
}
