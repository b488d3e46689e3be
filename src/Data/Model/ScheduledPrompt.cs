namespace MentorBot.Data.Model;

/// <summary>
/// A timed prompt (report prompt, survey, reminder, invitation). <see cref="OccurrenceKey"/> is unique,
/// so one occurrence is sent once however many nodes, retries and restarts touch it.
/// </summary>
public sealed class ScheduledPrompt
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ParticipantId { get; set; }

    public Guid? MatchId { get; set; }

    public Guid? EventId { get; set; }

    /// <summary>What it is, e.g. <c>report_prompt</c>, <c>start_survey</c>, <c>match_request_reminder</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The dialog it starts.</summary>
    public required string DialogId { get; set; }

    /// <summary>person + prompt + occurrence, e.g. <c>report_prompt:{match}:{participant}:2026-03-14</c>.</summary>
    public required string OccurrenceKey { get; set; }

    public PromptStatus Status { get; set; } = PromptStatus.Scheduled;

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
