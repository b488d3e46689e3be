namespace MentorBot.Data.Model;

/// <summary>
/// An address through which a participant reaches us besides her phone number: a web-chat user id,
/// a WhatsApp address. One person, one profile, however many channels.
/// </summary>
public sealed class ChannelIdentity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public Channel Channel { get; set; }

    public required string Address { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
