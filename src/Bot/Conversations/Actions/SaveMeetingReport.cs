using System.Globalization;
using MentorBot.Bot.Scheduling;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// Stores what one side of a pair reported after a meeting (<c>answers.match_id</c> is given when the
/// prompt starts the dialog): whether and when they met, the topics (<c>1 3 5</c>), a note, and the next
/// meeting, which becomes a planned meeting the report prompts follow.
/// </summary>
public sealed class SaveMeetingReport : IDialogAction
{
    public string Name => "save_meeting_report";

    static readonly Dictionary<string, MeetingReportTopic> Topics = new()
    {
        ["cv"] = MeetingReportTopic.CvApplication, ["job_search"] = MeetingReportTopic.JobSearch, ["network"] = MeetingReportTopic.Network,
        ["danish"] = MeetingReportTopic.Danish, ["education"] = MeetingReportTopic.Education,
        ["workplace_culture"] = MeetingReportTopic.WorkplaceCulture, ["society"] = MeetingReportTopic.Society, ["other"] = MeetingReportTopic.Other,
    };

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var matchId = Guid.Parse(context.Value("answers.match_id") ?? throw new InvalidOperationException("meeting_report started without answers.match_id."));
        var match = await LockedMatches.WithId(context.Db, matchId).SingleAsync(m => m.MenteeId == context.Person.Id || m.MentorId == context.Person.Id, cancellationToken);
        var today = LocalToday(context);
        var met = context.Value("answers.met") == "yes";
        var metOn = !met ? (DateOnly?)null : context.Value("answers.met_when") switch
        {
            "today" => today,
            "yesterday" => today.AddDays(-1),
            _ => Date(context.Value("answers.met_on")),
        };

        var report = new MeetingReport
        {
            MatchId = match.Id,
            ReporterId = context.Person.Id,
            ReporterRole = context.Person.Role,
            Met = met,
            MetOn = metOn,
            Topics = (context.Value("answers.topics") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Where(Topics.ContainsKey).Select(t => Topics[t]).ToList(),
            Note = met ? context.Value("answers.note") : context.Value("answers.obstacle"),
            NextMeetingOn = Date(context.Value("answers.next_meeting")),
            Channel = context.Conversation.Channel,
            SubmittedAt = context.Now,
        };
        context.Db.MeetingReports.Add(report);
        if (metOn is { } held)
        {
            match.AtRisk = false;
            var meeting = new Meeting { MatchId = match.Id, HeldOn = held, CreatedAt = context.Now };
            context.Db.Meetings.Add(meeting);
            report.MeetingId = meeting.Id;
        }

        if (report.NextMeetingOn is { } planned && planned > today)
        {
            context.Db.Meetings.Add(new Meeting { MatchId = match.Id, PlannedOn = planned, CreatedAt = context.Now });
            MatchPrompts.OnMeetingPlanned(context.Db, match, planned, Branch.ZoneOf(context.Person.Branch), context.Now);
        }

        return new Dictionary<string, string> { ["saved"] = "yes" };
    }

    static DateOnly LocalToday(DialogActionContext context) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, Branch.ZoneOf(context.Person.Branch)).DateTime);

    static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
