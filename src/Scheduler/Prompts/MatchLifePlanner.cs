using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Scheduler.Jobs;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Scheduler.Prompts;

/// <summary>
/// One pass over every open match request, active match and upcoming event, planning the prompts that
/// are now known to be needed (each occurrence once, by its key) and changing what time changes:
/// a request unanswered after the branch's expiry is expired, a match without a reported meeting for
/// too long is flagged at risk, a match past its planned end is ended. Reads in a few batched queries,
/// writes in one unit of work; the prompts themselves go out through the dispatcher and its rules. The open
/// matches it reads stay locked until it commits (<see cref="LockedMatches"/>): a mentor's answer or a report
/// arriving meanwhile waits for the pass, rather than landing between its reads.
/// </summary>
public sealed class MatchLifePlanner(MentorBotDb db, TimeProvider clock)
{
    static readonly string[] AnswerableKinds = [PromptKinds.CheckIn, PromptKinds.ReportPrompt];

    public async Task PlanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One planner at a time across the cluster (the job's run, and a catch-up after the test clock moved beside
        // it); the second waits and then finds everything planned.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({JobLocks.Planner})", cancellationToken);
        await PlanRequestsAsync(now, cancellationToken);
        await PlanActiveMatchesAsync(now, cancellationToken);
        await PlanEventRemindersAsync(now, cancellationToken);
        await BringEndsForwardAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>A mentor who has not answered gets one reminder; at the expiry the request expires and the mentee is told (and offered new mentors).</summary>
    async Task PlanRequestsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requests = await LockedMatches.WithStatus(db, MatchStatus.Requested).Include(m => m.Branch).ToListAsync(cancellationToken);
        var known = await KnownKeysAsync(requests.Select(m => m.Id), cancellationToken);
        foreach (var match in requests)
        {
            var settings = match.Branch?.Settings ?? new BranchSettings();
            if (now >= match.RequestedAt.AddDays(settings.MatchRequestExpiryDays))
            {
                ChangeStatus(match, MatchStatus.Expired, "no_answer", now);
                match.EndedAt = now;
                PromptPlan.CancelPending(db, await PromptPlan.PendingAsync(db, match.Id, [PromptKinds.MatchRequest, PromptKinds.MatchRequestReminder], cancellationToken), "match_expired");
                PromptPlan.Add(db, known, PromptPlan.ForMatch(match, match.MenteeId, PromptKinds.MatchExpired, PromptKinds.NoticeDialog, "expired", now, now));
                continue;
            }

            PromptPlan.Add(db, known, PromptPlan.ForMatch(match, match.MentorId, PromptKinds.MatchRequestReminder, "match_request", "1",
                match.RequestedAt.AddDays(settings.MatchRequestReminderDays), now));
        }
    }

    async Task PlanActiveMatchesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var matches = await LockedMatches.WithStatus(db, MatchStatus.Active).Include(m => m.Branch).ToListAsync(cancellationToken);
        if (matches.Count == 0)
        {
            return;
        }

        var ids = matches.Select(m => m.Id).ToList();
        var known = await KnownKeysAsync(ids, cancellationToken);
        var nextMeeting = await db.Meetings.Where(m => ids.Contains(m.MatchId) && m.PlannedOn != null)
            .GroupBy(m => m.MatchId).Select(g => new { g.Key, Day = g.Max(m => m.PlannedOn) }).ToDictionaryAsync(g => g.Key, g => g.Day, cancellationToken);
        var reports = await db.MeetingReports.Where(r => ids.Contains(r.MatchId))
            .GroupBy(r => new { r.MatchId, r.ReporterId })
            .Select(g => new { g.Key.MatchId, g.Key.ReporterId, Last = g.Max(r => r.SubmittedAt), LastMet = g.Where(r => r.Met).Max(r => (DateTimeOffset?)r.SubmittedAt) })
            .ToListAsync(cancellationToken);
        var since = now.AddDays(-matches.Max(m => (m.Branch?.Settings ?? new BranchSettings()).CheckInReminderDays) - 1);
        var answerable = await db.ScheduledPrompts
            .Where(p => p.MatchId != null && ids.Contains(p.MatchId.Value) && AnswerableKinds.Contains(p.Kind) && p.Status == PromptStatus.Sent && p.SentAt >= since)
            .ToListAsync(cancellationToken);
        var pendingCheckIns = await db.ScheduledPrompts
            .Where(p => p.MatchId != null && ids.Contains(p.MatchId.Value) && (p.Kind == PromptKinds.CheckIn || p.Kind == PromptKinds.CheckInReminder)
                && (p.Status == PromptStatus.Scheduled || p.Status == PromptStatus.Deferred))
            .ToListAsync(cancellationToken);

        foreach (var match in matches)
        {
            var settings = match.Branch?.Settings ?? new BranchSettings();
            var zone = Branch.ZoneOf(match.Branch);
            var started = match.StartedAt ?? match.RequestedAt;
            match.StartedAt ??= started;
            match.PlannedEndAt ??= started.AddMonths(settings.PlannedMatchMonths);
            foreach (var prompt in MatchStartPrompts.For(match, settings, now))
            {
                PromptPlan.Add(db, known, prompt);
            }

            var pending = pendingCheckIns.Where(p => p.MatchId == match.Id).ToList();
            if (now >= match.PlannedEndAt)
            {
                ChangeStatus(match, MatchStatus.Ended, "planned_end", now);
                match.EndedAt = now;
                match.EndReason = "planned_end";
                PromptPlan.CancelPending(db, pending, "match_over");
                continue;
            }

            var mine = reports.Where(r => r.MatchId == match.Id).ToList();
            var lastReport = mine.Select(r => (DateTimeOffset?)r.Last).Max() ?? started;
            var lastMet = mine.Select(r => r.LastMet).Max() ?? started;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            var meetingKnown = nextMeeting.TryGetValue(match.Id, out var planned) && planned >= today;
            PlanCheckIns(match, settings, Max(started, lastReport), meetingKnown, pending, known, now);
            PlanReminders(match, settings, answerable.Where(p => p.MatchId == match.Id), mine.ToDictionary(r => r.ReporterId, r => r.Last), pending, known, now);
            PlanAtRisk(match, settings, Max(started, lastMet), known, now);
        }
    }

    /// <summary>
    /// While no meeting date is known, a check-in to both every interval counted from the last report
    /// (or the start). A report starts a new series (the old one's unsent check-ins are cancelled); a
    /// known meeting date stops them until it has passed (its own report prompt follows the meeting).
    /// </summary>
    void PlanCheckIns(Match match, BranchSettings settings, DateTimeOffset anchor, bool meetingKnown, List<ScheduledPrompt> pending, ISet<string> known, DateTimeOffset now)
    {
        var series = anchor.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var checkIns = pending.Where(p => p.Kind == PromptKinds.CheckIn).ToList();
        if (meetingKnown)
        {
            PromptPlan.CancelPending(db, checkIns, "meeting_known");
            return;
        }

        PromptPlan.CancelPending(db, checkIns.Where(p => !p.OccurrenceKey.Contains($":{series}:", StringComparison.Ordinal)), "new_report");
        var interval = TimeSpan.FromDays(settings.CheckInIntervalDays);
        var next = (int)((now - anchor).Ticks / interval.Ticks) + 1;
        foreach (var person in new[] { match.MenteeId, match.MentorId })
        {
            PromptPlan.Add(db, known, MatchStartPrompts.CheckIn(match, person, anchor, next, settings, now));
        }
    }

    /// <summary>One reminder for a check-in or report prompt that person has not answered (no report from her since it was sent).</summary>
    void PlanReminders(Match match, BranchSettings settings, IEnumerable<ScheduledPrompt> sent, Dictionary<Guid, DateTimeOffset> lastReportBy, List<ScheduledPrompt> pending, ISet<string> known, DateTimeOffset now)
    {
        foreach (var prompt in sent)
        {
            var answered = lastReportBy.TryGetValue(prompt.ParticipantId, out var last) && last >= prompt.SentAt;
            var key = $"{PromptKinds.CheckInReminder}:{match.Id}:{prompt.ParticipantId}:{prompt.Id}";
            if (answered)
            {
                PromptPlan.CancelPending(db, pending.Where(p => p.OccurrenceKey == key), "answered");
                continue;
            }

            PromptPlan.Add(db, known, new ScheduledPrompt
            {
                ParticipantId = prompt.ParticipantId, MatchId = match.Id, Kind = PromptKinds.CheckInReminder, DialogId = "meeting_report",
                OccurrenceKey = key, DueAt = prompt.SentAt!.Value.AddDays(settings.CheckInReminderDays), CreatedAt = now,
            });
        }
    }

    /// <summary>No meeting reported for the branch's at-risk period: the match is flagged for the coordinator and both get one gentle nudge per such stretch.</summary>
    void PlanAtRisk(Match match, BranchSettings settings, DateTimeOffset lastMeeting, ISet<string> known, DateTimeOffset now)
    {
        if (now - lastMeeting < TimeSpan.FromDays(settings.AtRiskAfterDays))
        {
            return;
        }

        match.AtRisk = true;
        var stretch = lastMeeting.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var person in new[] { match.MenteeId, match.MentorId })
        {
            PromptPlan.Add(db, known, PromptPlan.ForMatch(match, person, PromptKinds.AtRiskNudge, PromptKinds.NoticeDialog, stretch, now, now));
        }
    }

    /// <summary>Those registered for a published, not cancelled event are reminded the branch's reminder hours before it; a reminder to someone no longer registered is cancelled.</summary>
    async Task PlanEventRemindersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = await db.Events.Include(e => e.Branch).Include(e => e.Registrations)
            .Where(e => e.PublishedAt != null && e.StartsAt > now).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return;
        }

        var ids = events.Select(e => e.Id).ToList();
        var reminders = await db.ScheduledPrompts.Where(p => p.EventId != null && ids.Contains(p.EventId.Value) && p.Kind == PromptKinds.EventReminder).ToListAsync(cancellationToken);
        var known = reminders.Select(p => p.OccurrenceKey).ToHashSet();
        foreach (var @event in events)
        {
            var settings = @event.Branch?.Settings ?? new BranchSettings();
            var registered = @event.CancelledAt is null
                ? @event.Registrations.Where(r => r.Status == RegistrationStatus.Registered).Select(r => r.ParticipantId).ToHashSet()
                : [];
            PromptPlan.CancelPending(db, reminders.Where(p => p.EventId == @event.Id && !registered.Contains(p.ParticipantId)), "not_registered");
            foreach (var person in registered)
            {
                PromptPlan.Add(db, known, PromptPlan.ForEvent(@event, person, PromptKinds.EventReminder, PromptKinds.NoticeDialog, @event.StartsAt.AddHours(-settings.EventReminderHours), now));
            }
        }
    }

    /// <summary>
    /// A match ended before its planned end (by a coordinator, or a mentee who stopped) gets its end survey and closing
    /// message at its real end, and the follow-up survey counted from it: they were planned for the planned end when it
    /// started, and months of silence before "your mentorship has ended" would be wrong, as would an end survey that
    /// measures months after the mentorship stopped.
    /// </summary>
    async Task BringEndsForwardAsync(CancellationToken cancellationToken)
    {
        string[] endKinds = [PromptKinds.EndSurvey, PromptKinds.Closing, PromptKinds.FollowUpSurvey];
        var pending = await db.ScheduledPrompts
            .Where(p => (p.Status == PromptStatus.Scheduled || p.Status == PromptStatus.Deferred) && endKinds.Contains(p.Kind))
            .Join(db.Matches.Where(m => m.Status == MatchStatus.Ended && m.EndedAt != null), p => p.MatchId, m => m.Id, (p, m) => new { Prompt = p, Match = m })
            .Where(x => x.Prompt.DueAt > x.Match.EndedAt)
            .ToListAsync(cancellationToken);
        var branches = await db.Branches.ToDictionaryAsync(b => b.Id, cancellationToken);
        foreach (var (prompt, match) in pending.Select(x => (x.Prompt, x.Match)))
        {
            var settings = branches.GetValueOrDefault(match.BranchId)?.Settings ?? new BranchSettings();
            var due = prompt.Kind switch
            {
                PromptKinds.FollowUpSurvey => match.EndedAt!.Value.AddMonths(settings.FollowUpSurveyMonths),
                PromptKinds.EndSurvey => match.EndedAt!.Value + MatchStartPrompts.NoticeFirst,
                _ => match.EndedAt!.Value,
            };
            if (due < prompt.DueAt)
            {
                prompt.DueAt = due;
            }
        }
    }

    async Task<HashSet<string>> KnownKeysAsync(IEnumerable<Guid> matchIds, CancellationToken cancellationToken)
    {
        var ids = matchIds.ToList();
        return (await db.ScheduledPrompts.Where(p => p.MatchId != null && ids.Contains(p.MatchId.Value)).Select(p => p.OccurrenceKey).ToListAsync(cancellationToken)).ToHashSet();
    }

    static void ChangeStatus(Match match, MatchStatus next, string reason, DateTimeOffset now)
    {
        match.History.Add(new MatchStatusChange { FromStatus = match.Status, ToStatus = next, ChangedBy = ActorKind.System, ChangedAt = now, Reason = reason });
        match.Status = next;
    }

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
