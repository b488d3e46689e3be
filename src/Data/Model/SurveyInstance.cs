namespace MentorBot.Data.Model;

/// <summary>One survey sent to one person (for one match), and how far she got.</summary>
public sealed class SurveyInstance
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DefinitionId { get; set; }

    public SurveyDefinition? Definition { get; set; }

    public Guid ParticipantId { get; set; }

    public Guid? MatchId { get; set; }

    public SurveyInstanceStatus Status { get; set; } = SurveyInstanceStatus.Sent;

    public DateTimeOffset SentAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public List<SurveyAnswer> Answers { get; init; } = [];
}
