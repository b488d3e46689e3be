namespace MentorBot.Data.Model;

/// <summary>A pair a coordinator ruled out: never suggested to each other again.</summary>
public sealed class BlockedPair
{
    public Guid MenteeId { get; set; }

    public Guid MentorId { get; set; }

    public Guid? CoordinatorId { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
