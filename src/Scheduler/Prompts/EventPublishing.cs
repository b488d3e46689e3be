using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Scheduler.Prompts;

/// <summary>
/// Publishing an event to a segment plans the <c>event_invitation</c> dialog for every person in it
/// (once per person and event, so publishing again to a wider segment invites only the newcomers).
/// Opted-out people are left out here already; the dispatcher's rules apply to the rest. Those who
/// register are reminded before the event by <see cref="MatchLifePlanner"/>.
/// </summary>
public static class EventPublishing
{
    public static async Task<int> PublishAsync(MentorBotDb db, Guid eventId, EventSegment segment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var @event = await db.Events.SingleAsync(e => e.Id == eventId, cancellationToken);
        if (@event.CancelledAt is not null || @event.StartsAt <= now)
        {
            return 0;
        }

        @event.PublishedAt ??= now;
        var people = db.Participants.Where(p => p.BranchId == segment.BranchId && p.Role == segment.Role && p.Status == segment.Status && p.OptedOutAt == null);
        if (segment.Language is { } language)
        {
            people = people.Where(p => p.PreferredLanguage == language);
        }

        var ids = await people.Select(p => p.Id).ToListAsync(cancellationToken);
        var known = (await db.ScheduledPrompts.Where(p => p.EventId == eventId && p.Kind == PromptKinds.EventInvitation).Select(p => p.OccurrenceKey).ToListAsync(cancellationToken)).ToHashSet();
        var invited = ids.Count(person => PromptPlan.Add(db, known, PromptPlan.ForEvent(@event, person, PromptKinds.EventInvitation, "event_invitation", now, now)));
        await db.SaveChangesAsync(cancellationToken);
        return invited;
    }
}
