namespace MentorBot.Scheduler.Prompts;

/// <summary>The kinds of timed prompt (<c>scheduled_prompts.kind</c>) and which rules depend on the kind.</summary>
public static class PromptKinds
{
    public const string MatchRequest = "match_request";
    public const string MatchRequestReminder = "match_request_reminder";
    public const string MatchExpired = "match_expired";

    /// <summary>To the mentee: the mentor she asked said no (she is told kindly, then offered the next mentors).</summary>
    public const string MatchDeclined = "match_declined";
    public const string Introduction = "match_introduction";
    public const string StartSurvey = "start_survey";
    public const string CheckIn = "check_in";
    public const string CheckInReminder = "check_in_reminder";
    public const string ReportPrompt = "report_prompt";
    public const string AtRiskNudge = "at_risk_nudge";
    public const string EndSurvey = "end_survey";
    public const string Closing = "match_closing";
    public const string FollowUpSurvey = "followup_survey";
    public const string EventInvitation = "event_invitation";
    public const string EventReminder = "event_reminder";

    /// <summary>The dialog that tells a person something and asks nothing (one message per kind, see dialogs/prompt_notice.yaml).</summary>
    public const string NoticeDialog = "prompt_notice";

    /// <summary>
    /// Prompts that belong to a match's end or its failure: they still go out after the match is over
    /// (every other prompt of an ended match is cancelled). The notice of a declined request belongs to a
    /// declined match by nature: without it here, the dispatcher cancelled it as "match_over" and she never heard.
    /// </summary>
    public static bool OutlivesMatch(string kind) => kind is MatchExpired or MatchDeclined or EndSurvey or Closing or FollowUpSurvey;

    /// <summary>Prompts that ask the mentor to answer a request: pointless once it is answered or expired.</summary>
    public static bool NeedsOpenRequest(string kind) => kind is MatchRequest or MatchRequestReminder;
}
