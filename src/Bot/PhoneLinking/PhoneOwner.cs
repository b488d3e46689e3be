using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.PhoneLinking;

/// <summary>Who may take a number over: nobody, once its participant has a verified web chat that is not hers.</summary>
public static class PhoneOwner
{
    public static Task<bool> HasOtherVerifiedWebChatAsync(MentorBotDb db, Guid ownerId, Guid askingId, CancellationToken ct) =>
        db.ChannelIdentities.AnyAsync(i => i.ParticipantId == ownerId && i.ParticipantId != askingId && i.Channel == Channel.WebChat && i.VerifiedAt != null, ct);
}
