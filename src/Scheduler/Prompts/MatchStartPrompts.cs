using MentorBot.Data.Model;

namespace MentorBot.Scheduler.Prompts;

/// <summary>
/// What a match brings the day it starts, planned all at once: an introduction to both and the start
/// survey to the mentee the same day, the first check-in to both; at the planned end the end survey to the mentee and a closing
/// message to both; the follow-up survey to the mentee some months after that.
/// </summary>
public static class MatchStartPrompts
{
    /// <summary>
    /// A survey is due this long after the notice of the same moment (the introduction at the start, the
    /// closing message at the end), so she reads the notice first: prompts due together go out in no set
    /// order, and a survey begun first would hold the notice back until it ends, since a prompt never
    /// interrupts a dialog. A notice is one message.
    /// </summary>
    public static readonly TimeSpan NoticeFirst = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The <paramref name="number"/>th check-in of the series counted from <paramref name="anchor"/> (the start
    /// or the last report). The series is part of the key, so a new report starts new occurrences.
    /// </summary>
    public static ScheduledPrompt CheckIn(Match match, Guid person, DateTimeOffset anchor, int number, BranchSettings settings, DateTimeOffset now)
    {
        var series = anchor.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        return PromptPlan.ForMatch(match, person, PromptKinds.CheckIn, "meeting_report", $"{series}:{number}", anchor + number * TimeSpan.FromDays(settings.CheckInIntervalDays), now);
    }

    public static IEnumerable<ScheduledPrompt> For(Match match, BranchSettings settings, DateTimeOffset now)
    {
        var started = match.StartedAt ?? now;
        var plannedEnd = match.PlannedEndAt ?? started.AddMonths(settings.PlannedMatchMonths);
        foreach (var person in new[] { match.MenteeId, match.MentorId })
        {
            yield return PromptPlan.ForMatch(match, person, PromptKinds.Introduction, PromptKinds.NoticeDialog, "start", started, now);
        }

        yield return PromptPlan.ForMatch(match, match.MenteeId, PromptKinds.StartSurvey, "start_survey", "start", started + NoticeFirst, now);
        foreach (var person in new[] { match.MenteeId, match.MentorId })
        {
            yield return CheckIn(match, person, started, 1, settings, now);
        }

        yield return PromptPlan.ForMatch(match, match.MenteeId, PromptKinds.EndSurvey, "end_survey", "end", plannedEnd + NoticeFirst, now);
        foreach (var person in new[] { match.MenteeId, match.MentorId })
        {
            yield return PromptPlan.ForMatch(match, person, PromptKinds.Closing, PromptKinds.NoticeDialog, "end", plannedEnd, now);
        }

        yield return PromptPlan.ForMatch(match, match.MenteeId, PromptKinds.FollowUpSurvey, "followup_survey", "followup", plannedEnd.AddMonths(settings.FollowUpSurveyMonths), now);
    }
}
