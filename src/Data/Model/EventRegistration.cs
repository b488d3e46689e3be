namespace MentorBot.Data.Model;

/// <summary>An invitation and its answer: guests, childcare and the children's ages, and attendance afterwards.</summary>
public sealed class EventRegistration
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid EventId { get; set; }

    public Guid ParticipantId { get; set; }

    public RegistrationStatus Status { get; set; } = RegistrationStatus.Invited;

    public int Guests { get; set; }

    public bool ChildcareNeeded { get; set; }

    public List<int> ChildrenAges { get; set; } = [];

    public bool? Attended { get; set; }

    public DateTimeOffset InvitedAt { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }
}
