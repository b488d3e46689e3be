using MentorBot.Bot.Conversations;
using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Scheduler.Prompts;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Scheduling;

/// <summary>
/// Starts a prompt's dialog for its person on the channel she last used (SMS to her phone if she has
/// written nowhere yet), through the same host as an inbound message, and queues the replies. The
/// dialog is given what it needs to know: the match, the partner's name, the event.
/// </summary>
public sealed class DialogPromptSender(ConversationHost host, ReplyOutbox outbox, TimeProvider clock) : IPromptSender
{
    /// <summary>The batch's people's latest conversations (null: none yet), read in one query by <see cref="PrepareAsync"/>.</summary>
    Dictionary<Guid, Conversation?> _latest = [];

    /// <summary>The batch's people's active dialogs (null: none), which their prompts' dialogs supersede; read in one query too.</summary>
    Dictionary<Guid, DialogSession?> _running = [];

    /// <summary>The batch's matches and events, with what their prompts' values need: one query each, not one per prompt.</summary>
    Dictionary<Guid, Match> _matches = [];

    Dictionary<Guid, Event> _events = [];

    public async Task PrepareAsync(MentorBotDb db, IReadOnlyCollection<(ScheduledPrompt Prompt, Participant Person)> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Select(b => b.Person.Id).ToList();
        var conversations = await db.Conversations
            .Where(c => c.ParticipantId != null && ids.Contains(c.ParticipantId.Value) && c.Channel != Channel.Console)
            .ToListAsync(cancellationToken);
        _latest = ids.ToDictionary(id => id, id => conversations.Where(c => c.ParticipantId == id).MaxBy(c => c.LastActivityAt));
        var running = await db.DialogSessions
            .Where(s => ids.Contains(s.ParticipantId) && s.Status == DialogSessionStatus.Active)
            .ToListAsync(cancellationToken);
        _running = ids.ToDictionary(id => id, id => running.FirstOrDefault(s => s.ParticipantId == id));
        var matchIds = batch.Where(b => b.Prompt.MatchId is not null).Select(b => b.Prompt.MatchId!.Value).Distinct().ToList();
        _matches = matchIds.Count == 0 ? [] : await PromptValues.Matches(db).Where(m => matchIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var eventIds = batch.Where(b => b.Prompt.EventId is not null).Select(b => b.Prompt.EventId!.Value).Distinct().ToList();
        _events = eventIds.Count == 0 ? [] : await PromptValues.Events(db).Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
    }

    public async Task SendAsync(MentorBotDb db, ScheduledPrompt prompt, Participant person, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var conversation = _latest.Remove(person.Id, out var prepared)
            ? prepared
            : await db.Conversations
                .Where(c => c.ParticipantId == person.Id && c.Channel != Channel.Console)
                .OrderByDescending(c => c.LastActivityAt)
                .FirstOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            var phone = person.Phone ?? throw new InvalidOperationException("She has no phone number and no conversation to prompt in.");
            conversation = new Conversation { ParticipantId = person.Id, Channel = Channel.Sms, ChannelConversationId = phone, StartedAt = now, LastActivityAt = now };
            db.Conversations.Add(conversation);
        }

        var values = (prompt.MatchId is null || _matches.ContainsKey(prompt.MatchId.Value)) && (prompt.EventId is null || _events.ContainsKey(prompt.EventId.Value))
            ? PromptValues.For(person, prompt.MatchId is { } m ? _matches[m] : null, prompt.EventId is { } e ? _events[e] : null, prompt.Kind)
            : await PromptValues.ForAsync(db, person, prompt.MatchId, prompt.EventId, cancellationToken, prompt.Kind);
        var reply = _running.Remove(person.Id, out var running)
            ? await host.StartAsync(db, person, conversation, running, prompt.DialogId, values, cancellationToken)
            : await host.StartAsync(db, person, conversation, prompt.DialogId, values, cancellationToken);
        outbox.Add(db, conversation, person, reply, now);
    }
}
