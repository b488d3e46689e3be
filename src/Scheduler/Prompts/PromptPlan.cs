using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Scheduler.Prompts;

/// <summary>
/// Plans prompt occurrences. The occurrence key (prompt + match or event + person + occurrence) is
/// unique in the database, so planning the same occurrence twice — by the bot when something happens
/// and by the planner's next pass — leaves one row.
/// </summary>
public static class PromptPlan
{
    /// <summary>Adds <paramref name="prompt"/> unless its occurrence is in <paramref name="known"/> (keys already planned) or in the unit of work.</summary>
    public static bool Add(MentorBotDb db, ISet<string> known, ScheduledPrompt prompt)
    {
        if (!known.Add(prompt.OccurrenceKey) || db.ScheduledPrompts.Local.Any(p => p.OccurrenceKey == prompt.OccurrenceKey))
        {
            return false;
        }

        db.ScheduledPrompts.Add(prompt);
        return true;
    }

    /// <summary>For a dialog action planning in its turn's unit of work: looks the key up first.</summary>
    public static bool Add(MentorBotDb db, ScheduledPrompt prompt)
    {
        var known = db.ScheduledPrompts.Any(p => p.OccurrenceKey == prompt.OccurrenceKey) ? new HashSet<string> { prompt.OccurrenceKey } : [];
        return Add(db, known, prompt);
    }

    public static ScheduledPrompt ForMatch(Match match, Guid person, string kind, string dialogId, string occurrence, DateTimeOffset dueAt, DateTimeOffset now) => new()
    {
        ParticipantId = person, MatchId = match.Id, Kind = kind, DialogId = dialogId,
        OccurrenceKey = $"{kind}:{match.Id}:{person}:{occurrence}", DueAt = dueAt, CreatedAt = now,
    };

    public static ScheduledPrompt ForEvent(Event @event, Guid person, string kind, string dialogId, DateTimeOffset dueAt, DateTimeOffset now) => new()
    {
        ParticipantId = person, EventId = @event.Id, Kind = kind, DialogId = dialogId,
        OccurrenceKey = $"{kind}:{@event.Id}:{person}", DueAt = dueAt, CreatedAt = now,
    };

    /// <summary>Cancels the match's prompts of <paramref name="kinds"/> not sent yet (check-ins once a meeting date is known, a request's reminder once it expired).</summary>
    public static void CancelPending(MentorBotDb db, IEnumerable<ScheduledPrompt> prompts, string reason)
    {
        foreach (var prompt in prompts.Where(p => p.Status is PromptStatus.Scheduled or PromptStatus.Deferred))
        {
            prompt.Status = PromptStatus.Cancelled;
            prompt.LastError = reason;
        }
    }

    /// <summary>The match's prompts of these kinds that are still to go out, tracked so they can be cancelled.</summary>
    public static Task<List<ScheduledPrompt>> PendingAsync(MentorBotDb db, Guid matchId, string[] kinds, CancellationToken cancellationToken) =>
        db.ScheduledPrompts
            .Where(p => p.MatchId == matchId && kinds.Contains(p.Kind) && (p.Status == PromptStatus.Scheduled || p.Status == PromptStatus.Deferred))
            .ToListAsync(cancellationToken);
}
