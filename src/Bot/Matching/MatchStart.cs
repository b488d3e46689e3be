using MentorBot.Bot.Scheduling;
using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Matching;

/// <summary>
/// A match begins the same way whoever lets it begin (the mentor's yes, a coordinator's approval or
/// hand-made pair): it becomes active with its planned end, and its start survey and check-ins are planned.
/// </summary>
public static class MatchStart
{
    /// <param name="created">A match made by a coordinator: its history starts here, from no status.</param>
    public static void Begin(MentorBotDb db, Match match, BranchSettings settings, DateTimeOffset now, ActorKind by, Guid? actorId, string? reason = null, bool created = false)
    {
        match.History.Add(new MatchStatusChange { FromStatus = created ? null : match.Status, ToStatus = MatchStatus.Active, ChangedBy = by, ActorId = actorId, ChangedAt = now, Reason = reason });
        match.Status = MatchStatus.Active;
        match.StartedAt = now;
        match.PlannedEndAt = now.AddMonths(settings.PlannedMatchMonths);
        MatchPrompts.OnStarted(db, match, settings, now);
    }
}
