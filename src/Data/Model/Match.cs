namespace MentorBot.Data.Model;

/// <summary>A mentee–mentor pair, from the mentee's request to the end of the mentorship. Every change is in <see cref="History"/>.</summary>
public sealed class Match
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid BranchId { get; set; }

    public Branch? Branch { get; set; }

    public Guid MenteeId { get; set; }

    public Participant? Mentee { get; set; }

    public Guid MentorId { get; set; }

    public Participant? Mentor { get; set; }

    public MatchStatus Status { get; set; } = MatchStatus.Requested;

    /// <summary>The suggestion score when the mentee picked this mentor, for later evaluation of the weights.</summary>
    public double? Score { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? PlannedEndAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? DeclineReason { get; set; }

    public string? EndReason { get; set; }

    public bool AtRisk { get; set; }

    public List<MatchStatusChange> History { get; init; } = [];
}
