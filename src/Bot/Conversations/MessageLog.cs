using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// Keeps what a participant wrote, whatever the channel (SMS/WhatsApp webhook, web chat, the terminal):
/// one inbound row, received, on her conversation, added to the unit of work of her turn. The replies
/// are <see cref="ReplyOutbox"/>'s.
/// </summary>
public static class MessageLog
{
    /// <param name="providerMessageId">The channel's own id (Twilio's MessageSid), when it has one.</param>
    /// <param name="language">Her language when the channel knows it (the terminal's <c>--lang</c>); otherwise left open.</param>
    public static Message Inbound(MentorBotDb db, Conversation conversation, Participant person, string text, DateTimeOffset now,
        string? providerMessageId = null, string? language = null)
    {
        var message = new Message
        {
            ConversationId = conversation.Id, ParticipantId = person.Id, Channel = conversation.Channel, Direction = MessageDirection.Inbound,
            Author = MessageAuthor.Participant, Text = text, Language = language, ProviderMessageId = providerMessageId,
            DeliveryStatus = DeliveryStatus.Received, CreatedAt = now, UpdatedAt = now,
        };
        db.Messages.Add(message);
        conversation.LastActivityAt = now;
        return message;
    }

    /// <summary>
    /// Marks her inbound row with how the turn read it, when it answered a question: the question's kind, whether
    /// it was understood and what it was read as (<see cref="TranscriptColumns.WriteReading"/>), in the turn's own
    /// unit of work (the console's not-understood rate counts these rows; its transcript shows the reading). A
    /// message to the coordinator who has her keeps the language she wrote it in.
    /// </summary>
    public static void RecordAnswer(Message inbound, ConversationReply reply)
    {
        if (reply.Answer is not { } answer)
        {
            inbound.Language ??= reply.ToCoordinatorIn;
            return;
        }

        inbound.QuestionKind = StepKindNames.NameOf(answer.Kind);
        inbound.NotUnderstood = !answer.Understood;
        inbound.Language ??= answer.Language;
        if (answer.Meaning is { } meaning)
        {
            TranscriptColumns.WriteReading(inbound, meaning);
        }
    }
}
