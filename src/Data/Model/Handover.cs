namespace MentorBot.Data.Model;

/// <summary>
/// A person handed to a coordinator: asked for (by her or by the bot after repeated misunderstandings),
/// taken over, released. While taken over, the bot stays silent.
/// </summary>
public sealed class Handover
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParticipantId { get; set; }

    public HandoverStatus Status { get; set; } = HandoverStatus.Requested;

    public string? Reason { get; set; }

    public Guid? CoordinatorId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? TakenOverAt { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }
}
