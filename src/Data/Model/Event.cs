namespace MentorBot.Data.Model;

/// <summary>An intro course, a collective mentoring session, a social event or a workshop of a branch.</summary>
public sealed class Event
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BranchId { get; set; }

    public Branch? Branch { get; set; }

    public EventKind Kind { get; set; }

    public required string Title { get; set; }

    public string? Location { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    public int? Capacity { get; set; }

    public bool GuestsAllowed { get; set; }

    public bool ChildcareOffered { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<EventRegistration> Registrations { get; init; } = [];
}
