using MentorBot.Bot.Matching;
using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Scheduler.Prompts;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// The mentor's answer to a match request (<c>answers.match_id</c> is given when the dialog starts):
/// accept starts the match — or makes it wait for a coordinator where the branch wants to approve
/// matches — and decline records her optional reason, tells the mentee kindly (no reason) and offers her the next suggestions. Every change is in the match's history.
/// </summary>
public sealed class AnswerMatchRequest : IDialogAction
{
    public string Name => "answer_match_request";

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var matchId = Guid.Parse(context.Value("answers.match_id") ?? throw new InvalidOperationException("match_request started without answers.match_id."));
        var match = await LockedMatches.WithId(context.Db, matchId).Include(m => m.Branch).SingleAsync(m => m.MentorId == context.Person.Id, cancellationToken);
        if (match.Status != MatchStatus.Requested)
        {
            return Result(match.Status == MatchStatus.Declined ? "declined" : "expired");
        }

        var accepted = (context.Arguments.GetValueOrDefault("answer") ?? context.Value("answers.answer")) is "accept" or "yes";
        var settings = match.Branch!.Settings;
        if (accepted && !settings.CoordinatorApprovesMatches)
        {
            match.RespondedAt = context.Now;
            MatchStart.Begin(context.Db, match, settings, context.Now, ActorKind.Participant, context.Person.Id);
            return Result("started");
        }

        var next = accepted ? MatchStatus.PendingApproval : MatchStatus.Declined;
        var reason = accepted ? null : context.Arguments.GetValueOrDefault("reason") ?? context.Value("answers.decline_reason");
        match.History.Add(new MatchStatusChange
        {
            FromStatus = match.Status, ToStatus = next, ChangedBy = ActorKind.Participant, ActorId = context.Person.Id, ChangedAt = context.Now, Reason = reason,
        });
        match.Status = next;
        match.RespondedAt = context.Now;
        if (next == MatchStatus.Declined)
        {
            match.DeclineReason = reason;
            // She is told kindly that this mentor could not take her this time (never her reason) and is
            // offered the next suggestions (this mentor is out of them now): prompt_notice, then
            // match_suggestions, as a prompt the scheduler sends outside her quiet hours.
            context.Db.ScheduledPrompts.Add(new ScheduledPrompt
            {
                ParticipantId = match.MenteeId, MatchId = match.Id, Kind = PromptKinds.MatchDeclined, DialogId = PromptKinds.NoticeDialog,
                OccurrenceKey = $"{PromptKinds.MatchDeclined}:{match.Id}", DueAt = context.Now, CreatedAt = context.Now,
            });
        }

        return Result(next == MatchStatus.PendingApproval ? "pending_approval" : "declined");
    }

    static Dictionary<string, string> Result(string status) => new() { ["status"] = status };
}
