namespace MentorBot.Data.Model;

/// <summary>A mentee or a mentor. Personal details are kept to what the program needs.</summary>
public sealed class Participant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid? BranchId { get; set; }

    public Branch? Branch { get; set; }

    public ParticipantRole Role { get; set; }

    public Track Track { get; set; }

    /// <summary>BCP 47 language the person chose (<c>ar</c>, <c>fa</c>, <c>da</c>…); every message to her is in it.</summary>
    public string PreferredLanguage { get; set; } = "da";

    /// <summary>First name, as she wants to be addressed.</summary>
    public string? DisplayName { get; set; }

    /// <summary>E.164 phone number (<c>+4512345678</c>); unique when present.</summary>
    public string? Phone { get; set; }

    public ParticipantStatus Status { get; set; } = ParticipantStatus.SigningUp;

    /// <summary>Set when she sent STOP (or Twilio reported 21610): nothing may be sent to her until START.</summary>
    public DateTimeOffset? OptedOutAt { get; set; }

    public Channel? OptedOutVia { get; set; }

    /// <summary>Last permanent delivery error (21211 invalid number, 21614 not a mobile…), so we stop retrying.</summary>
    public int? PermanentDeliveryError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Profile? Profile { get; set; }

    public List<ChannelIdentity> Identities { get; init; } = [];

    public List<Consent> Consents { get; init; } = [];
}
