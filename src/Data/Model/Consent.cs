namespace MentorBot.Data.Model;

/// <summary>One consent given for one purpose, with the version of the text she read. Withdrawal keeps the row.</summary>
public sealed class Consent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public ConsentPurpose Purpose { get; set; }

    /// <summary>Version of the consent text, e.g. <c>consent.v1</c>, so we know what she agreed to.</summary>
    public required string TextVersion { get; set; }

    public required string Language { get; set; }

    public Channel Channel { get; set; }

    public DateTimeOffset GivenAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }
}
