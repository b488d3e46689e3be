using MentorBot.Bot.Access;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Observability;

/// <summary>One language's replies to questions in the window, and how many of them the bot did not understand.</summary>
public sealed record NotUnderstoodRate(string Language, int NotUnderstood, int Replies)
{
    public int Percent => Replies == 0 ? 0 : 100 * NotUnderstood / Replies;
}

/// <summary>
/// The not-understood rate per language for the console's dashboard: inbound replies to a dialog's question marked
/// not understood, over all such replies, in the last <see cref="Window"/>, among the people the coordinator may see.
/// Read from the messages (the turn marks them, see <c>MessageLog.RecordAnswer</c>), not from the metrics: those
/// are per node and start again with every restart.
/// </summary>
public static class NotUnderstoodRates
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>Most not-understood first: the languages whose texts or keywords need a translator's look.</summary>
    public static async Task<IReadOnlyList<NotUnderstoodRate>> ReadAsync(MentorBotDb db, BranchScope access, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Window;
        var people = access.Filter(db.Participants);
        var rows = await db.Messages
            .Where(m => m.Direction == MessageDirection.Inbound && m.QuestionKind != null && m.CreatedAt >= since
                && people.Any(p => p.Id == m.ParticipantId))
            .GroupBy(m => m.Language ?? "")
            .Select(g => new { Language = g.Key, NotUnderstood = g.Count(m => m.NotUnderstood), Replies = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new NotUnderstoodRate(r.Language, r.NotUnderstood, r.Replies))
            .OrderByDescending(r => (double)r.NotUnderstood / r.Replies).ThenBy(r => r.Language, StringComparer.Ordinal)
            .ToList();
    }
}
