using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// She picked a mentor: a match request is created and the mentor's <c>match_request</c> dialog is
/// scheduled as a prompt (sent by the scheduler, within quiet hours). If the mentor's last free place or
/// her one open request went to someone else meanwhile, the answer is <c>taken</c>.
/// </summary>
public sealed class SendMatchRequest : IDialogAction
{
    public string Name => "send_match_request";

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var pick = context.Arguments.GetValueOrDefault("pick") ?? context.Value("answers.pick");
        if (!Guid.TryParse(context.Value($"results.mentor_{pick}"), out var mentorId))
        {
            return Result("taken");
        }

        var db = context.Db;
        // Two mentees asking for the same mentor at once: the mentor's row is locked until this turn
        // commits, so the second one counts after the first request is in, and hears "taken".
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM participants WHERE id = {mentorId} FOR UPDATE", cancellationToken);
        var mentor = await db.Participants.Include(p => p.Profile).SingleAsync(p => p.Id == mentorId, cancellationToken);
        var load = await db.Matches.CountAsync(m => m.MentorId == mentorId && (m.Status == MatchStatus.Active || m.Status == MatchStatus.PendingApproval), cancellationToken);
        var open = await db.Matches.AnyAsync(m => m.MentorId == mentorId && m.Status == MatchStatus.Requested, cancellationToken);
        if (open || load >= (mentor.Profile?.MentorCapacity ?? 1) || mentor.OptedOutAt is not null)
        {
            return Result("taken");
        }

        var match = new Match
        {
            BranchId = context.Person.BranchId ?? mentor.BranchId
                ?? throw new InvalidOperationException("Neither the mentee nor the mentor belongs to a branch."),
            MenteeId = context.Person.Id,
            MentorId = mentorId,
            Status = MatchStatus.Requested,
            RequestedAt = context.Now,
            Score = double.TryParse(context.Value($"results.score_{pick}"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score) ? score : null,
        };
        match.History.Add(new MatchStatusChange { ToStatus = MatchStatus.Requested, ChangedBy = ActorKind.Participant, ActorId = context.Person.Id, ChangedAt = context.Now });
        db.Matches.Add(match);
        db.ScheduledPrompts.Add(new ScheduledPrompt
        {
            ParticipantId = mentorId,
            MatchId = match.Id,
            Kind = "match_request",
            DialogId = "match_request",
            OccurrenceKey = $"match_request:{match.Id}",
            DueAt = context.Now,
            CreatedAt = context.Now,
        });
        return Result("sent");
    }

    static Dictionary<string, string> Result(string status) => new() { ["status"] = status };
}
