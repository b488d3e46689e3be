using MentorBot.Data.Model;

namespace MentorBot.Scheduler.Prompts;

/// <summary>What to do with a due prompt, decided from facts the dispatcher reads (pure, so the rules are tested on a fake clock).</summary>
public abstract record PromptDecision
{
    public sealed record Send : PromptDecision;

    public sealed record Cancel(string Reason) : PromptDecision;

    public sealed record Defer(DateTimeOffset Until, string Reason) : PromptDecision;
}

/// <summary>The facts about one due prompt and its person.</summary>
public sealed record PromptFacts(
    DateTimeOffset Now,
    TimeZoneInfo Zone,
    BranchSettings Settings,
    bool OptedOut,
    bool Erased,
    MatchStatus? MatchStatus,
    int SentToHerToday,
    DateTimeOffset? OtherDialogActiveSince,
    string Kind = "",
    bool EventCancelled = false,
    bool ConsentWithdrawn = false);

/// <summary>
/// The rules every timed prompt obeys, in order: never to an opted-out or erased person, nor to one who
/// withdrew her participation consent or asked to be deleted (she is erased after a grace period), never for a
/// match that ended (except the prompts of its end: end survey, closing, follow-up, the expiry notice),
/// never a request reminder once the request is answered, never for a cancelled event; never at night in her time zone; at most N a day; never into the middle of
/// another dialog she is answering (until it ends or goes stale).
/// </summary>
public static class PromptRules
{
    /// <summary>A dialog untouched this long no longer counts as "answering": the prompt may interrupt it.</summary>
    public static readonly TimeSpan StaleDialog = TimeSpan.FromHours(2);

    /// <summary>How long to wait before looking again at a person busy in another dialog.</summary>
    public static readonly TimeSpan BusyRetry = TimeSpan.FromMinutes(30);

    public static PromptDecision Decide(PromptFacts facts)
    {
        if (facts.Erased)
        {
            return new PromptDecision.Cancel("erased");
        }

        if (facts.ConsentWithdrawn)
        {
            return new PromptDecision.Cancel("consent_withdrawn");
        }

        if (facts.OptedOut)
        {
            return new PromptDecision.Cancel("opted_out");
        }

        if (facts.MatchStatus is MatchStatus.Ended or MatchStatus.Cancelled or MatchStatus.Declined or MatchStatus.Expired
            && !PromptKinds.OutlivesMatch(facts.Kind))
        {
            return new PromptDecision.Cancel("match_over");
        }

        if (PromptKinds.NeedsOpenRequest(facts.Kind) && facts.MatchStatus is not (null or MatchStatus.Requested))
        {
            return new PromptDecision.Cancel("request_answered");
        }

        if (facts.EventCancelled)
        {
            return new PromptDecision.Cancel("event_cancelled");
        }

        var quiet = new QuietHours(facts.Settings.QuietHoursStart, facts.Settings.QuietHoursEnd);
        var allowed = quiet.NextAllowed(facts.Now, facts.Zone);
        if (allowed > facts.Now)
        {
            return new PromptDecision.Defer(allowed, "quiet_hours");
        }

        if (facts.SentToHerToday >= facts.Settings.MaxPromptsPerDay)
        {
            return new PromptDecision.Defer(quiet.NextDayStart(facts.Now, facts.Zone), "daily_limit");
        }

        if (facts.OtherDialogActiveSince is { } since && facts.Now - since < StaleDialog)
        {
            return new PromptDecision.Defer(facts.Now + BusyRetry, "in_another_dialog");
        }

        return new PromptDecision.Send();
    }
}
