using MentorBot.Data.Model;
using MentorBot.Scheduler.Prompts;

namespace MentorBot.Tests.Scheduling;

/// <summary>The rules every prompt obeys, on a fixed clock. Times are UTC; Copenhagen is UTC+1 in winter, UTC+2 in summer.</summary>
public sealed class PromptRulesTests
{
    static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    static PromptFacts Facts(string nowUtc, int sentToday = 0, bool optedOut = false, bool erased = false, MatchStatus? match = null,
        string? otherDialogSince = null, BranchSettings? settings = null, bool consentWithdrawn = false, string kind = "", bool eventCancelled = false) =>
        new(DateTimeOffset.Parse(nowUtc), Copenhagen, settings ?? new BranchSettings(), optedOut, erased, match, sentToday,
            otherDialogSince is null ? null : DateTimeOffset.Parse(otherDialogSince), kind, eventCancelled, consentWithdrawn);

    [Theory]
    [InlineData("2026-03-11T08:30:00Z", "09:30 in Copenhagen: daytime")]
    [InlineData("2026-03-11T19:59:00Z", "20:59: a minute before quiet hours")]
    [InlineData("2026-07-01T07:00:00Z", "09:00 summer time: quiet hours just ended")]
    public void Sends_in_the_daytime(string now, string reason)
    {
        Assert.True(PromptRules.Decide(Facts(now)) is PromptDecision.Send, reason);
    }

    [Theory]
    [InlineData("2026-03-11T20:30:00Z", "2026-03-12T08:00:00Z", "21:30 winter time → 09:00 next morning")]
    [InlineData("2026-03-11T07:00:00Z", "2026-03-11T08:00:00Z", "08:00 → 09:00 the same morning")]
    [InlineData("2026-03-11T23:30:00Z", "2026-03-12T08:00:00Z", "00:30 after midnight → 09:00 that morning")]
    [InlineData("2026-03-28T22:00:00Z", "2026-03-29T07:00:00Z", "23:00 before the spring change → 09:00 summer time (UTC+2)")]
    [InlineData("2026-10-24T20:00:00Z", "2026-10-25T08:00:00Z", "22:00 summer time before the autumn change → 09:00 winter time (UTC+1)")]
    [InlineData("2026-07-01T19:30:00Z", "2026-07-02T07:00:00Z", "21:30 summer time → 09:00 summer time")]
    public void Defers_a_prompt_due_at_night_to_the_next_allowed_time(string now, string until, string reason)
    {
        var decision = PromptRules.Decide(Facts(now));
        var defer = Assert.IsType<PromptDecision.Defer>(decision);
        Assert.True(defer.Until == DateTimeOffset.Parse(until), $"{reason}: got {defer.Until:u}");
        Assert.Equal("quiet_hours", defer.Reason);
    }

    [Fact]
    public void Quiet_hours_of_a_branch_may_be_any_window()
    {
        var lunch = new BranchSettings { QuietHoursStart = new TimeOnly(12, 0), QuietHoursEnd = new TimeOnly(13, 0) };
        Assert.IsType<PromptDecision.Send>(PromptRules.Decide(Facts("2026-03-11T21:30:00Z", settings: lunch)));
        var defer = Assert.IsType<PromptDecision.Defer>(PromptRules.Decide(Facts("2026-03-11T11:15:00Z", settings: lunch)));
        Assert.Equal(DateTimeOffset.Parse("2026-03-11T12:00:00Z"), defer.Until);
    }

    [Fact]
    public void The_daily_limit_moves_the_rest_to_the_next_morning()
    {
        Assert.IsType<PromptDecision.Send>(PromptRules.Decide(Facts("2026-03-11T10:00:00Z", sentToday: 1)));
        var defer = Assert.IsType<PromptDecision.Defer>(PromptRules.Decide(Facts("2026-03-11T10:00:00Z", sentToday: 2)));
        Assert.Equal((DateTimeOffset.Parse("2026-03-12T08:00:00Z"), "daily_limit"), (defer.Until, defer.Reason));
    }

    [Theory]
    [InlineData(true, false, null, "opted_out", "she said STOP")]
    [InlineData(false, true, null, "erased", "she was erased")]
    [InlineData(false, false, MatchStatus.Ended, "match_over", "the match ended")]
    [InlineData(false, false, MatchStatus.Cancelled, "match_over", "the match was cancelled")]
    [InlineData(false, false, null, "consent_withdrawn", "she withdrew her participation consent or asked to be deleted", true)]
    public void Is_cancelled_for_people_and_matches_it_no_longer_concerns(bool optedOut, bool erased, MatchStatus? match, string expected, string reason, bool consentWithdrawn = false)
    {
        var cancel = Assert.IsType<PromptDecision.Cancel>(PromptRules.Decide(Facts("2026-03-11T10:00:00Z", optedOut: optedOut, erased: erased, match: match, consentWithdrawn: consentWithdrawn)));
        Assert.True(cancel.Reason == expected, reason);
    }

    [Fact]
    public void Waits_while_she_answers_another_dialog_but_not_for_a_stale_one()
    {
        var busy = Assert.IsType<PromptDecision.Defer>(PromptRules.Decide(Facts("2026-03-11T10:00:00Z", otherDialogSince: "2026-03-11T09:50:00Z")));
        Assert.Equal((DateTimeOffset.Parse("2026-03-11T10:30:00Z"), "in_another_dialog"), (busy.Until, busy.Reason));
        Assert.IsType<PromptDecision.Send>(PromptRules.Decide(Facts("2026-03-11T10:00:00Z", otherDialogSince: "2026-03-11T07:30:00Z")));
    }

    [Theory]
    [InlineData("check_in", MatchStatus.Ended, "match_over", "a check-in of an ended match")]
    [InlineData("at_risk_nudge", MatchStatus.Expired, "match_over", "a nudge of an expired match")]
    [InlineData("match_request_reminder", MatchStatus.Active, "request_answered", "the mentor said yes before her reminder")]
    [InlineData("match_request_reminder", MatchStatus.Declined, "match_over", "the mentor said no before her reminder")]
    [InlineData("match_request", MatchStatus.PendingApproval, "request_answered", "the request itself, answered meanwhile")]
    public void Is_cancelled_when_its_match_no_longer_needs_it(string kind, MatchStatus match, string expected, string reason)
    {
        var cancel = Assert.IsType<PromptDecision.Cancel>(PromptRules.Decide(Facts("2026-03-11T10:00:00Z", match: match, kind: kind)));
        Assert.True(cancel.Reason == expected, $"{reason}: {cancel.Reason}");
    }

    [Theory]
    [InlineData("end_survey", MatchStatus.Ended, "the end survey goes out after the match ended")]
    [InlineData("match_closing", MatchStatus.Ended, "so does the closing message")]
    [InlineData("followup_survey", MatchStatus.Ended, "and the follow-up survey months later")]
    [InlineData("match_expired", MatchStatus.Expired, "the mentee hears that her request expired")]
    [InlineData("match_declined", MatchStatus.Declined, "the mentee hears the mentor could not take her, and gets others")]
    [InlineData("match_request_reminder", MatchStatus.Requested, "the request is still open")]
    public void Prompts_of_a_matchs_end_outlive_it(string kind, MatchStatus match, string reason)
    {
        Assert.True(PromptRules.Decide(Facts("2026-03-11T10:00:00Z", match: match, kind: kind)) is PromptDecision.Send, reason);
    }

    [Fact]
    public void An_erased_person_gets_not_even_the_prompts_that_outlive_a_match()
    {
        var cancel = Assert.IsType<PromptDecision.Cancel>(PromptRules.Decide(Facts("2026-03-11T10:00:00Z", erased: true, match: MatchStatus.Ended, kind: "end_survey")));
        Assert.Equal("erased", cancel.Reason);
    }

    [Fact]
    public void A_reminder_for_a_cancelled_event_is_cancelled()
    {
        var cancel = Assert.IsType<PromptDecision.Cancel>(PromptRules.Decide(Facts("2026-03-11T10:00:00Z", kind: "event_reminder", eventCancelled: true)));
        Assert.Equal("event_cancelled", cancel.Reason);
    }

    [Theory]
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29T07:00:00Z", "01:30 winter time, the night of the spring change → 09:00 summer time")]
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29T07:00:00Z", "03:00 summer time, just after the skipped hour → 09:00")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25T08:00:00Z", "02:30 the first time (summer), the night of the autumn change → 09:00 winter time")]
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25T08:00:00Z", "02:30 the second time (winter) → 09:00 winter time")]
    [InlineData("2026-10-24T19:00:00Z", "2026-10-25T08:00:00Z", "21:00 summer time the evening before: the night is 13 hours long")]
    public void Quiet_hours_on_the_nights_the_clocks_change(string now, string until, string reason)
    {
        var defer = Assert.IsType<PromptDecision.Defer>(PromptRules.Decide(Facts(now)));
        Assert.True(defer.Until == DateTimeOffset.Parse(until), $"{reason}: got {defer.Until:u}");
    }

    [Theory]
    [InlineData("2026-03-28T10:00:00Z", "2026-03-29T07:00:00Z", "the daily limit on the day before spring: tomorrow's 09:00 is UTC+2")]
    [InlineData("2026-10-24T10:00:00Z", "2026-10-25T08:00:00Z", "the daily limit on the day before autumn: tomorrow's 09:00 is UTC+1")]
    public void The_daily_limit_across_a_clock_change_waits_for_local_morning(string now, string until, string reason)
    {
        var defer = Assert.IsType<PromptDecision.Defer>(PromptRules.Decide(Facts(now, sentToday: 2)));
        Assert.True(defer.Until == DateTimeOffset.Parse(until), $"{reason}: got {defer.Until:u}");
    }
}
