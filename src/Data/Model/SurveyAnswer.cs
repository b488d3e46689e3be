namespace MentorBot.Data.Model;

/// <summary>The answer to one indicator: a choice code, a number (scale 1-5), or several codes.</summary>
public sealed class SurveyAnswer
{
    public long Id { get; init; }

    public Guid InstanceId { get; set; }

    public required string Indicator { get; set; }

    public string? Choice { get; set; }

    public int? Number { get; set; }

    public List<string> Choices { get; set; } = [];

    public DateTimeOffset AnsweredAt { get; set; }
}
