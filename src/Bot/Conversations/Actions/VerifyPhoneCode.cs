using System.Globalization;
using MentorBot.Bot.PhoneLinking;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// Checks the code she typed (<c>code</c>) against her latest one. <c>status</c>: <c>linked</c> (the number is
/// hers now: set on her, or she and the number's participant became one), <c>wrong</c> (with <c>tries_left</c>),
/// <c>expired</c>, <c>too_many_tries</c>, <c>taken</c> (the number got another verified web chat meanwhile).
/// </summary>
public sealed class VerifyPhoneCode(PhoneLinkOptions options) : IDialogAction
{
    public string Name => "verify_phone_code";

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var person = context.Person;
        var verification = await db.PhoneVerifications
            .Where(v => v.ParticipantId == person.Id && v.VerifiedAt == null)
            .OrderByDescending(v => v.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (verification is null)
        {
            return PhoneLinkStatus.Of("expired");
        }

        if (verification.Attempts >= options.MaxTries)
        {
            return PhoneLinkStatus.Of("too_many_tries");
        }

        if (context.Now >= verification.ExpiresAt)
        {
            return PhoneLinkStatus.Of("expired");
        }

        if (!PhoneCodes.Matches(verification.Id, verification.CodeHash, context.Arguments.GetValueOrDefault("code") ?? ""))
        {
            verification.Attempts++;
            var left = options.MaxTries - verification.Attempts;
            return left <= 0
                ? PhoneLinkStatus.Of("too_many_tries")
                : PhoneLinkStatus.Of("wrong", ("tries_left", left.ToString(CultureInfo.InvariantCulture)));
        }

        verification.VerifiedAt = context.Now;
        var phone = verification.Phone;
        var (owner, taken) = await PhoneOwner.FindAsync(db, phone, person.Id, cancellationToken);
        if (taken)
        {
            return PhoneLinkStatus.Of("taken");
        }

        await db.ChannelIdentities.Where(i => i.ParticipantId == person.Id && i.Channel == Channel.WebChat && i.VerifiedAt == null)
            .ForEachAsync(i => i.VerifiedAt = context.Now, cancellationToken);
        if (owner is null)
        {
            person.Phone = phone;
            person.UpdatedAt = context.Now;
            await db.SaveChangesAsync(cancellationToken);
            await ParticipantMerge.LinkSmsAsync(db, person.Id, phone, context.Now, cancellationToken);
        }
        else
        {
            // One profile: the number's own participant wins, unless only she has signed up (then she keeps hers).
            var signedUp = person.Status != ParticipantStatus.SigningUp;
            var ownerSignedUp = owner.Status != ParticipantStatus.SigningUp;
            context.Merge = signedUp && !ownerSignedUp
                ? new ParticipantMergeRequest(owner.Id, person.Id, phone, DeleteFrom: true)
                : new ParticipantMergeRequest(person.Id, owner.Id, phone, DeleteFrom: !signedUp);
        }

        return PhoneLinkStatus.Of("linked", ("phone", phone));
    }
}
