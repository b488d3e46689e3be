namespace MentorBot.Data.Model;

/// <summary>A staff member who uses the console. A coordinator sees only the branches in <see cref="Branches"/>; an admin sees all.</summary>
public sealed class Coordinator
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public CoordinatorRole Role { get; set; } = CoordinatorRole.Coordinator;

    /// <summary>Console language: <c>da</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "da";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    public List<CoordinatorBranch> Branches { get; init; } = [];
}
