namespace MentorBot.Data.Model;

/// <summary>
/// One thread on one channel: an SMS number pair, a WhatsApp address, a Direct Line conversation.
/// A participant's transcript is all her conversations' messages in order.
/// </summary>
public sealed class Conversation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Null until we know who is writing (a first web-chat visit before signup has started).</summary>
    public Guid? ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public Channel Channel { get; set; }

    /// <summary>The channel's own id for the thread (Direct Line conversation id, or the remote address).</summary>
    public required string ChannelConversationId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }
}
