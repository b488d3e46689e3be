using MentorBot.Bot.Access;
using MentorBot.Bot.Channels.Twilio.Outbox;
using MentorBot.Bot.Channels.WebChat;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.Dialogs.Rendering;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.TakeOver;

/// <summary>
/// A coordinator takes a person over from the bot, answers her in her own channel and hands her back.
/// While the handover is open, ConversationHost stays silent for her. Replies go the way the bot's do:
/// SMS and WhatsApp as queued rows of the Twilio outbox (its NOTIFY wakes the sender), web chat as a
/// message plus its Direct Line activity (the commit wakes the page's stream). A reply over 1,600 characters is
/// refused, on every channel, rather than split: she would get it in pieces and out of the coordinator's hands, and
/// the coordinator, told at once, shortens it or sends it as two answers (the console's field stops at the limit too).
/// A ready-made reply goes in her language with its key; free text with the language the coordinator says it is in.
/// </summary>
public sealed class TakeOverService(MentorBotDb db, ConsoleAudit audit, DialogLibrary library, TimeProvider clock)
{
    public async Task TakeOverAsync(BranchScope access, Participant person, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await OpenAsync(person, cancellationToken);
        if (open is null)
        {
            open = new Handover { ParticipantId = person.Id, Reason = "coordinator", RequestedAt = now };
            db.Handovers.Add(open);
        }

        open.Status = HandoverStatus.TakenOver;
        open.CoordinatorId = access.CoordinatorId;
        open.TakenOverAt ??= now;
        audit.Add(access, "handover.taken_over", "participant", person.Id, person.BranchId, new { handover_id = open.Id });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Her own words: sent as written, marked with the language the coordinator chose (null: she did not say).</summary>
    public Task<ReplyOutcome> ReplyAsync(BranchScope access, Participant person, string text, string? language, CancellationToken cancellationToken)
    {
        language = language is { } chosen && library.Catalog.SupportedLanguages.Contains(chosen) ? chosen : null;
        return SendAsync(access, person, text.Trim(), language, null, cancellationToken);
    }

    /// <summary>A ready-made reply (<see cref="ReadyReplies"/>), in her language, keyed so the transcript shows it in the coordinator's too.</summary>
    public Task<ReplyOutcome> ReplyReadyAsync(BranchScope access, Participant person, string key, CancellationToken cancellationToken)
    {
        if (!ReadyReplies.Has(key))
        {
            return Task.FromResult(ReplyOutcome.Empty);
        }

        var language = person.PreferredLanguage;
        return SendAsync(access, person, library.Catalog.Text(language, key), language, key, cancellationToken);
    }

    async Task<ReplyOutcome> SendAsync(BranchScope access, Participant person, string text, string? language, string? key, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return ReplyOutcome.Empty;
        }

        if (!OutboundBody.Fits(text))
        {
            return ReplyOutcome.TooLong;
        }

        var open = await OpenAsync(person, cancellationToken);
        if (open?.Status != HandoverStatus.TakenOver)
        {
            return ReplyOutcome.NotTakenOver;
        }

        // Her latest conversation is the channel she uses now.
        var conversation = await db.Conversations
            .Where(c => c.ParticipantId == person.Id && c.Channel != Channel.Console)
            .OrderByDescending(c => c.LastActivityAt).FirstOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return ReplyOutcome.NoChannel;
        }

        if (person.OptedOutAt is not null && conversation.Channel is Channel.Sms or Channel.Whatsapp)
        {
            return ReplyOutcome.OptedOut; // she said STOP: not even a coordinator writes to her
        }

        var now = clock.GetUtcNow();
        var message = new Message
        {
            ConversationId = conversation.Id, ParticipantId = person.Id, Channel = conversation.Channel, Direction = MessageDirection.Outbound,
            Author = MessageAuthor.Coordinator, CoordinatorId = access.CoordinatorId, Text = text, Language = language, MessageKey = key,
            CreatedAt = now, UpdatedAt = now, DeliveryStatus = DeliveryStatus.Queued,
        };
        if (conversation.Channel == Channel.WebChat)
        {
            var userId = await db.ChannelIdentities.Where(i => i.ParticipantId == person.Id && i.Channel == Channel.WebChat)
                .OrderByDescending(i => i.CreatedAt).Select(i => i.Address).FirstOrDefaultAsync(cancellationToken);
            if (userId is null)
            {
                return ReplyOutcome.NoChannel;
            }

            // Web chat has no outbox: the committed activity is the delivery.
            message.DeliveryStatus = DeliveryStatus.Sent;
            message.SentAt = now;
            var locale = language ?? person.PreferredLanguage;
            db.DirectLineActivities.Add(new DirectLineActivity
            {
                ConversationId = conversation.Id, MessageId = message.Id, CreatedAt = now,
                Activity = ActivityJson.Bot(new WebChatMessage(text, [], locale, library.Catalog.IsRightToLeft(locale)), conversation.ChannelConversationId, userId, now),
            });
        }

        db.Messages.Add(message);
        conversation.LastActivityAt = now;
        audit.Add(access, "handover.replied", "participant", person.Id, person.BranchId,
            new { message_id = message.Id, channel = conversation.Channel.ToString(), language, ready_reply = key });
        await db.SaveChangesAsync(cancellationToken);
        return ReplyOutcome.Sent;
    }

    public async Task HandBackAsync(BranchScope access, Participant person, CancellationToken cancellationToken)
    {
        var open = await OpenAsync(person, cancellationToken);
        if (open is null)
        {
            return;
        }

        open.Status = HandoverStatus.Released;
        open.ReleasedAt = clock.GetUtcNow();
        open.CoordinatorId ??= access.CoordinatorId;
        audit.Add(access, "handover.released", "participant", person.Id, person.BranchId, new { handover_id = open.Id });
        await db.SaveChangesAsync(cancellationToken);
    }

    Task<Handover?> OpenAsync(Participant person, CancellationToken cancellationToken) =>
        db.Handovers.FirstOrDefaultAsync(h => h.ParticipantId == person.Id && h.Status != HandoverStatus.Released, cancellationToken);
}

public enum ReplyOutcome { Sent, Empty, TooLong, NotTakenOver, NoChannel, OptedOut }
