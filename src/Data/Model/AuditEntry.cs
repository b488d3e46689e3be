namespace MentorBot.Data.Model;

/// <summary>
/// Append-only record of who did or saw what: every view of a transcript or profile, every change a
/// coordinator makes, every export and erasure. Holds ids, never the personal data itself.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; set; }

    public ActorKind ActorKind { get; set; }

    public Guid? ActorId { get; set; }

    /// <summary>Dotted verb, e.g. <c>transcript.viewed</c>, <c>participant.erased</c>.</summary>
    public required string Action { get; set; }

    public string? SubjectKind { get; set; }

    public Guid? SubjectId { get; set; }

    public Guid? BranchId { get; set; }

    /// <summary>Extra facts as jsonb (ids, counts; no personal data).</summary>
    public string? Details { get; set; }
}
