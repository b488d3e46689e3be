namespace MentorBot.Data.Model;

/// <summary>
/// The saved state of one run of a dialog for one person, written after every turn so a conversation
/// survives restarts. At most one is active per participant (a partial unique index).
/// </summary>
public sealed class DialogSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public required string DialogId { get; set; }

    public int DialogVersion { get; set; }

    public required string StepId { get; set; }

    /// <summary>The engine's serialized state (answers so far, misses), as jsonb.</summary>
    public string State { get; set; } = "{}";

    public DialogSessionStatus Status { get; set; } = DialogSessionStatus.Active;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}
