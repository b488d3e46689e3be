using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Scheduler.Prompts;

/// <summary>
/// The facts the rules need (<see cref="PromptFacts"/>) for a batch of due prompts, read in at most six queries
/// for the whole batch instead of five per prompt. At most one prompt per person: the dispatcher sees to it.
/// </summary>
public sealed class BatchFacts
{
    readonly DateTimeOffset _now;
    readonly Dictionary<Guid, Participant> _people;
    readonly ILookup<Guid, (Guid PromptId, DateTimeOffset SentAt)> _sent;
    readonly ILookup<Guid, (string DialogId, DateTimeOffset UpdatedAt)> _activeDialogs;
    readonly Dictionary<Guid, MatchStatus> _matches;
    readonly ILookup<Guid, DateTimeOffset?> _participationConsents;
    readonly HashSet<Guid> _cancelledEvents;

    BatchFacts(DateTimeOffset now, Dictionary<Guid, Participant> people, ILookup<Guid, (Guid, DateTimeOffset)> sent,
        ILookup<Guid, (string, DateTimeOffset)> activeDialogs, Dictionary<Guid, MatchStatus> matches,
        ILookup<Guid, DateTimeOffset?> participationConsents, HashSet<Guid> cancelledEvents)
    {
        _now = now;
        _people = people;
        _sent = sent;
        _activeDialogs = activeDialogs;
        _matches = matches;
        _participationConsents = participationConsents;
        _cancelledEvents = cancelledEvents;
    }

    public static async Task<BatchFacts> ReadAsync(MentorBotDb db, IReadOnlyCollection<ScheduledPrompt> prompts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = prompts.Select(p => p.ParticipantId).Distinct().ToList();
        var matchIds = prompts.Where(p => p.MatchId is not null).Select(p => p.MatchId!.Value).Distinct().ToList();
        var eventIds = prompts.Where(p => p.EventId is not null).Select(p => p.EventId!.Value).Distinct().ToList();
        // Her local day lies within a day and a half of now in any time zone: read two days either side, count in her zone below.
        var from = now.AddDays(-2);
        var to = now.AddDays(2);

        var persons = await db.Participants.Include(p => p.Profile).Include(p => p.Branch)
            .Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var sent = (await db.ScheduledPrompts
                .Where(p => people.Contains(p.ParticipantId) && (p.Status == PromptStatus.Sent || p.Status == PromptStatus.Ready)
                    && p.SentAt >= from && p.SentAt < to)
                .Select(p => new { p.ParticipantId, p.Id, SentAt = p.SentAt!.Value })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.ParticipantId, p => (p.Id, p.SentAt));
        var dialogs = (await db.DialogSessions
                .Where(s => people.Contains(s.ParticipantId) && s.Status == DialogSessionStatus.Active)
                .Select(s => new { s.ParticipantId, s.DialogId, s.UpdatedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.ParticipantId, s => (s.DialogId, s.UpdatedAt));
        var matches = matchIds.Count == 0 ? [] : await db.Matches.Where(m => matchIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Status, cancellationToken);
        var consents = (await db.Consents
                .Where(c => people.Contains(c.ParticipantId) && c.Purpose == ConsentPurpose.Participation)
                .Select(c => new { c.ParticipantId, c.WithdrawnAt })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ParticipantId, c => c.WithdrawnAt);
        var cancelled = eventIds.Count == 0 ? [] : (await db.Events.Where(e => eventIds.Contains(e.Id) && e.CancelledAt != null).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
        return new BatchFacts(now, persons, sent, dialogs, matches, consents, cancelled);
    }

    public Participant Person(ScheduledPrompt prompt) => _people[prompt.ParticipantId];

    public PromptFacts For(ScheduledPrompt prompt)
    {
        var person = Person(prompt);
        var zone = Branch.ZoneOf(person.Branch);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_now, zone).DateTime);
        var dayStart = QuietHours.AtLocal(today, TimeOnly.MinValue, zone);
        var dayEnd = QuietHours.AtLocal(today.AddDays(1), TimeOnly.MinValue, zone);
        var sentToday = _sent[person.Id].Count(s => s.PromptId != prompt.Id && s.SentAt >= dayStart && s.SentAt < dayEnd);
        // The most recently touched of her other active dialogs: any one still fresh means she is answering.
        var otherDialog = _activeDialogs[person.Id].Where(d => d.DialogId != prompt.DialogId)
            .Select(d => (DateTimeOffset?)d.UpdatedAt).Max();
        MatchStatus? matchStatus = prompt.MatchId is { } matchId && _matches.TryGetValue(matchId, out var status) ? status : null;
        // Withdrawn: her participation consent was withdrawn and not given again, or she asked to be deleted.
        var consents = _participationConsents[person.Id].ToList();
        var consentWithdrawn = person.Status is ParticipantStatus.ErasureRequested
            || (consents.Any(withdrawn => withdrawn is not null) && !consents.Any(withdrawn => withdrawn is null));
        var eventCancelled = prompt.EventId is { } eventId && _cancelledEvents.Contains(eventId);
        return new PromptFacts(_now, zone, person.Branch?.Settings ?? new BranchSettings(), person.OptedOutAt is not null,
            person.Status is ParticipantStatus.Erased, matchStatus, sentToday, otherDialog, prompt.Kind, eventCancelled, consentWithdrawn);
    }
}
