namespace MentorBot.Data.Model;

/// <summary>What one side of a pair reported after a meeting (or that they did not meet).</summary>
public sealed class MeetingReport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid MatchId { get; set; }

    public Match? Match { get; set; }

    public Guid? MeetingId { get; set; }

    public Guid ReporterId { get; set; }

    public ParticipantRole ReporterRole { get; set; }

    public bool Met { get; set; }

    public DateOnly? MetOn { get; set; }

    public List<MeetingReportTopic> Topics { get; set; } = [];

    public string? Note { get; set; }

    public DateOnly? NextMeetingOn { get; set; }

    public Channel Channel { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
}
