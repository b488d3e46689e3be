using System.Globalization;
using MentorBot.Bot.Channels;
using MentorBot.Bot.Dialogs;
using MentorBot.Bot.PhoneLinking;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// The number she typed (<c>phone</c>) gets a one-time code by SMS, through the outbox in this turn's
/// unit of work. <c>status</c>: <c>sent</c> (with <c>phone</c> in E.164 and <c>minutes</c>), <c>invalid</c>
/// (not a phone number: the dialog asks again), <c>same</c> (already hers), <c>taken</c> (someone else's,
/// with a verified web chat of her own), <c>too_many_codes</c> (the hourly limit for the number or for her).
/// </summary>
public sealed class SendPhoneCode(PhoneLinkOptions options) : IDialogAction
{
    public string Name => "send_phone_code";

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        if (!PhoneNumber.TryNormalize(context.Arguments.GetValueOrDefault("phone"), options.DefaultRegion, out var phone))
        {
            return PhoneLinkStatus.Of("invalid");
        }

        var db = context.Db;
        var person = context.Person;
        if (person.Phone == phone)
        {
            return PhoneLinkStatus.Of("same");
        }

        var (owner, taken) = await PhoneOwner.FindAsync(db, phone, person.Id, cancellationToken);
        if (taken)
        {
            return PhoneLinkStatus.Of("taken");
        }

        var since = context.Now.AddHours(-1);
        var recent = await db.PhoneVerifications.CountAsync(v => v.CreatedAt > since && (v.Phone == phone || v.ParticipantId == person.Id), cancellationToken);
        if (recent >= options.MaxCodesPerHour)
        {
            return PhoneLinkStatus.Of("too_many_codes");
        }

        var code = PhoneCodes.New();
        var verification = new PhoneVerification
        {
            ParticipantId = person.Id, Phone = phone, CodeHash = "", CreatedAt = context.Now, ExpiresAt = context.Now + options.CodeLifetime,
        };
        verification.CodeHash = PhoneCodes.Hash(verification.Id, code);
        db.PhoneVerifications.Add(verification);

        // The SMS thread of that number (its owner's, if there is one; else a thread with no one yet, which
        // becomes hers once she proves the number is hers), so the outbox sends it as any other SMS.
        var thread = await db.Conversations.FirstOrDefaultAsync(c => c.Channel == Channel.Sms && c.ChannelConversationId == phone, cancellationToken);
        if (thread is null)
        {
            thread = new Conversation { ParticipantId = owner?.Id, Channel = Channel.Sms, ChannelConversationId = phone, StartedAt = context.Now, LastActivityAt = context.Now };
            db.Conversations.Add(thread);
        }

        var minutes = ((int)Math.Ceiling(options.CodeLifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        db.Messages.Add(new Message
        {
            ConversationId = thread.Id, ParticipantId = thread.ParticipantId, Channel = Channel.Sms, Direction = MessageDirection.Outbound,
            Author = MessageAuthor.System, Text = context.Text(HostKeys.PhoneLink.SmsCode, new Dictionary<string, string> { ["code"] = code, ["minutes"] = minutes }),
            Language = context.Language, DeliveryStatus = DeliveryStatus.Queued, CreatedAt = context.Now, UpdatedAt = context.Now,
        });
        thread.LastActivityAt = context.Now;
        return PhoneLinkStatus.Of("sent", ("phone", phone), ("minutes", minutes));
    }
}
