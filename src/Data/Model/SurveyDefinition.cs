namespace MentorBot.Data.Model;

/// <summary>
/// A versioned survey (start, end, follow-up). Start and end share indicator codes so answers compare 1:1;
/// a new version is a new row, and instances keep pointing at the version they were sent with.
/// </summary>
public sealed class SurveyDefinition
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public SurveyKind Kind { get; set; }

    public int Version { get; set; }

    /// <summary>The dialog that asks it, e.g. <c>start_survey</c>.</summary>
    public required string DialogId { get; set; }

    /// <summary>Indicator codes in order (job_situation, education, network_size, career_clarity…).</summary>
    public List<string> Indicators { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
