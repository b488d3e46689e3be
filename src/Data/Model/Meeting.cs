namespace MentorBot.Data.Model;

/// <summary>A meeting of a matched pair, planned (a next-meeting date from a report) or held.</summary>
public sealed class Meeting
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid MatchId { get; set; }

    public Match? Match { get; set; }

    public DateOnly? PlannedOn { get; set; }

    public DateOnly? HeldOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
