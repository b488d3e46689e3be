using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.PhoneLinking;

/// <summary>Who may take a number over: nobody, once its participant has a verified web chat that is not hers.</summary>
public static class PhoneOwner
{
    /// <summary>
    /// The participant other than her who has the number now (null: nobody), and whether the number is
    /// taken for her. Asked when a code is sent and again when it is verified (a web chat may have been
    /// verified in between).
    /// </summary>
    public static async Task<(Participant? Owner, bool Taken)> FindAsync(MentorBotDb db, string phone, Guid askingId, CancellationToken ct)
    {
        var owner = await db.Participants.FirstOrDefaultAsync(p => p.Phone == phone && p.Id != askingId, ct);
        var taken = owner is not null
            && await db.ChannelIdentities.AnyAsync(i => i.ParticipantId == owner.Id && i.Channel == Channel.WebChat && i.VerifiedAt != null, ct);
        return (owner, taken);
    }
}
