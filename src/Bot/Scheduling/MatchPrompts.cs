using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Scheduler.Prompts;

namespace MentorBot.Bot.Scheduling;

/// <summary>
/// The timed prompts a match's life brings, planned at once when it happens (the planner's next pass
/// would find them too; the occurrence key makes planning twice plan once): when the match starts, the
/// introduction, start survey, end survey, closing messages and follow-up survey
/// (<see cref="MatchStartPrompts"/>); when a next meeting is reported, a report prompt to both the day
/// after, and the check-ins waiting are cancelled. Check-ins, reminders, expiry and the at-risk flag are
/// planned by <see cref="MatchLifePlanner"/>.
/// </summary>
public static class MatchPrompts
{
    public static void OnStarted(MentorBotDb db, Match match, BranchSettings settings, DateTimeOffset now)
    {
        foreach (var prompt in MatchStartPrompts.For(match, settings, now))
        {
            PromptPlan.Add(db, prompt);
        }
    }

    public static void OnMeetingPlanned(MentorBotDb db, Match match, DateOnly meetingDay, TimeZoneInfo zone, DateTimeOffset now)
    {
        var dayAfter = QuietHours.AtLocal(meetingDay.AddDays(1), new TimeOnly(10, 0), zone);
        var occurrence = meetingDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var person in new[] { match.MenteeId, match.MentorId })
        {
            PromptPlan.Add(db, PromptPlan.ForMatch(match, person, PromptKinds.ReportPrompt, "meeting_report", occurrence, dayAfter, now));
        }

        PromptPlan.CancelPending(db, db.ScheduledPrompts.Where(p => p.MatchId == match.Id && p.Kind == PromptKinds.CheckIn).ToList(), "meeting_known");
    }
}
