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
    public async Task SendAsync(MentorBotDb db, ScheduledPrompt prompt, Participant person, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var conversation = await db.Conversations
            .Where(c => c.ParticipantId == person.Id && c.Channel != Channel.Console)
            .OrderByDescending(c => c.LastActivityAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            var phone = person.Phone ?? throw new InvalidOperationException("She has no phone number and no conversation to prompt in.");
            conversation = new Conversation { ParticipantId = person.Id, Channel = Channel.Sms, ChannelConversationId = phone, StartedAt = now, LastActivityAt = now };
            db.Conversations.Add(conversation);
        }

        var values = await PromptValuesAsync(db, prompt, person, cancellationToken);
        var reply = await host.StartAsync(db, person, conversation, prompt.DialogId, values, cancellationToken);
        outbox.Add(db, conversation, person, reply, now);
    }

    static async Task<Dictionary<string, string>> PromptValuesAsync(MentorBotDb db, ScheduledPrompt prompt, Participant person, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>();
        if (prompt.MatchId is { } matchId)
        {
            values["answers.match_id"] = matchId.ToString();
            var match = await db.Matches.Include(m => m.Mentee).ThenInclude(p => p!.Profile).Include(m => m.Mentor)
                .SingleAsync(m => m.Id == matchId, cancellationToken);
            values["answers.mentee_name"] = match.Mentee?.DisplayName ?? "";
            values["answers.mentor_name"] = match.Mentor?.DisplayName ?? "";
            values["answers.partner_name"] = (person.Id == match.MenteeId ? match.Mentor?.DisplayName : match.Mentee?.DisplayName) ?? "";
            values["answers.mentee_summary"] = match.Mentee?.Profile?.Profession ?? match.Mentee?.Profile?.ProfessionalField ?? "";
        }

        if (prompt.EventId is { } eventId)
        {
            var @event = await db.Events.Include(e => e.Branch).SingleAsync(e => e.Id == eventId, cancellationToken);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(@event.Branch?.TimeZone ?? "Europe/Copenhagen");
            values["answers.event_id"] = eventId.ToString();
            values["answers.event_title"] = @event.Title;
            values["answers.event_date"] = TimeZoneInfo.ConvertTime(@event.StartsAt, zone).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            values["answers.event_place"] = @event.Location ?? "";
            values["answers.guests_allowed"] = @event.GuestsAllowed ? "yes" : "no";
        }

        return values;
    }
}
