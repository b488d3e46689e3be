namespace MentorBot.Data.Model;

/// <summary>One step in a match's life: who moved it from which status to which, and why.</summary>
public sealed class MatchStatusChange
{
    public long Id { get; init; }

    public Guid MatchId { get; set; }

    public MatchStatus? FromStatus { get; set; }

    public MatchStatus ToStatus { get; set; }

    public ActorKind ChangedBy { get; set; }

    public Guid? ActorId { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
