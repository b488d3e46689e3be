using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Scheduling;

/// <summary>
/// The timed prompts a match's life brings, planned when it happens, each with its occurrence key so
/// planning twice plans once: when the match starts, the start survey to the mentee the same day, a
/// check-in report prompt to both after the branch's check-in interval, the end survey at the planned end
/// and the follow-up survey after that; when a next meeting is reported, a report prompt to both the day after.
/// The dispatcher applies quiet hours and the daily limit when they fall due.
/// </summary>
public static class MatchPrompts
{
    public static void OnStarted(MentorBotDb db, Match match, BranchSettings settings, DateTimeOffset now)
    {
        var plannedEnd = match.PlannedEndAt ?? now.AddMonths(settings.PlannedMatchMonths);
        Plan(db, match, match.MenteeId, "start_survey", "start_survey", "start", now, now);
        foreach (var person in new[] { match.MenteeId, match.MentorId })
        {
            Plan(db, match, person, "check_in", "meeting_report", "1", now.AddDays(settings.CheckInIntervalDays), now);
        }

        Plan(db, match, match.MenteeId, "end_survey", "end_survey", "end", plannedEnd, now);
        Plan(db, match, match.MenteeId, "followup_survey", "followup_survey", "followup", plannedEnd.AddMonths(settings.FollowUpSurveyMonths), now);
    }

    public static void OnMeetingPlanned(MentorBotDb db, Match match, DateOnly meetingDay, TimeZoneInfo zone, DateTimeOffset now)
    {
        var dayAfter = MentorBot.Scheduler.Prompts.QuietHours.AtLocal(meetingDay.AddDays(1), new TimeOnly(10, 0), zone);
        foreach (var person in new[] { match.MenteeId, match.MentorId })
        {
            Plan(db, match, person, "report_prompt", "meeting_report", meetingDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), dayAfter, now);
        }
    }

    static void Plan(MentorBotDb db, Match match, Guid person, string kind, string dialogId, string occurrence, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var key = $"{kind}:{match.Id}:{person}:{occurrence}";
        if (db.ScheduledPrompts.Local.Any(p => p.OccurrenceKey == key) || db.ScheduledPrompts.Any(p => p.OccurrenceKey == key))
        {
            return;
        }

        db.ScheduledPrompts.Add(new ScheduledPrompt
        {
            ParticipantId = person, MatchId = match.Id, Kind = kind, DialogId = dialogId, OccurrenceKey = key, DueAt = dueAt, CreatedAt = now,
        });
    }
}
