using System.Globalization;
using MentorBot.Data.Model;
using MentorBot.Data.Naming;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// Stores a completed survey. Start and end surveys share their indicator codes, so a mentee's answers
/// compare 1:1; the end survey adds overall value and whether she would like to become a mentor. Scale
/// answers are stored as numbers, the rest as choice codes. The survey definition (kind, version 1) is
/// created on first use; the instance is tied to the match when the prompt gave one.
/// </summary>
public sealed class SaveSurvey : IDialogAction
{
    public string Name => "save_survey";

    static readonly string[] Scales = ["career_clarity", "danish_confidence", "labour_market_knowledge", "overall_value"];

    static readonly Dictionary<SurveyKind, string[]> Indicators = new()
    {
        [SurveyKind.Start] = ["job_situation", "education", "network_size", "career_clarity", "danish_confidence", "labour_market_knowledge"],
        [SurveyKind.End] = ["job_situation", "education", "network_size", "career_clarity", "danish_confidence", "labour_market_knowledge", "overall_value", "become_mentor"],
        [SurveyKind.FollowUp] = ["has_job", "job_kind", "in_education", "mentor_status"],
    };

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var kindName = context.Arguments.GetValueOrDefault("kind") ?? "start";
        var kind = SnakeCaseEnumConverter<SurveyKind>.ValueOf(kindName == "followup" ? "follow_up" : kindName);
        var db = context.Db;
        var definition = await db.SurveyDefinitions.Where(d => d.Kind == kind).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken)
            ?? db.SurveyDefinitions.Local.FirstOrDefault(d => d.Kind == kind);
        if (definition is null)
        {
            definition = new SurveyDefinition { Kind = kind, Version = 1, DialogId = $"{kindName}_survey", Indicators = [.. Indicators[kind]], CreatedAt = context.Now };
            db.SurveyDefinitions.Add(definition);
        }

        var instance = new SurveyInstance
        {
            DefinitionId = definition.Id,
            ParticipantId = context.Person.Id,
            MatchId = Guid.TryParse(context.Value("answers.match_id"), out var matchId) ? matchId : null,
            Status = SurveyInstanceStatus.Completed,
            SentAt = context.Now,
            CompletedAt = context.Now,
        };
        foreach (var indicator in definition.Indicators)
        {
            if (context.Value($"answers.{indicator}") is not { Length: > 0 } value)
            {
                continue;
            }

            var isScale = Scales.Contains(indicator) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
            instance.Answers.Add(new SurveyAnswer
            {
                Indicator = indicator,
                Number = isScale ? int.Parse(value, CultureInfo.InvariantCulture) : null,
                Choice = isScale ? null : value,
                AnsweredAt = context.Now,
            });
        }

        db.SurveyInstances.Add(instance);
        return new Dictionary<string, string> { ["saved"] = "yes" };
    }
}
