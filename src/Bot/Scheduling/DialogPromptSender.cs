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

    public async Task PrepareAsync(MentorBotDb db, IReadOnlyCollection<Participant> people, CancellationToken cancellationToken)
    {
        var ids = people.Select(p => p.Id).ToList();
        var conversations = await db.Conversations
            .Where(c => c.ParticipantId != null && ids.Contains(c.ParticipantId.Value) && c.Channel != Channel.Console)
            .ToListAsync(cancellationToken);
        _latest = ids.ToDictionary(id => id, id => conversations.Where(c => c.ParticipantId == id).MaxBy(c => c.LastActivityAt));
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

        var values = await PromptValues.ForAsync(db, person, prompt.MatchId, prompt.EventId, cancellationToken, prompt.Kind);
        var reply = await host.StartAsync(db, person, conversation, prompt.DialogId, values, cancellationToken);
        outbox.Add(db, conversation, person, reply, now);
    }
}
