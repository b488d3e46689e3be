using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// She asked to be deleted. The request is queued, not carried out at once: a coordinator may need to end
/// her mentorship and tell her mentor first, and erases her from the console (Privacy/PersonErasure). It
/// counts as withdrawing her consent at once: her consents are marked withdrawn, no prompt reaches her
/// any more (PromptRules), nothing she writes is saved to her profile, and if no coordinator has acted
/// within the branch's <c>WithdrawnConsentGraceDays</c> (30) the daily retention job erases her.
/// Recorded in the audit trail.
/// </summary>
public sealed class RequestDeletion : IDialogAction
{
    public string Name => "request_deletion";

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        context.Person.Status = ParticipantStatus.ErasureRequested;
        context.Person.UpdatedAt = context.Now;
        var given = context.Db.Consents.Local.Where(c => c.ParticipantId == context.Person.Id && c.WithdrawnAt == null).ToList();
        given.AddRange(await context.Db.Consents.Where(c => c.ParticipantId == context.Person.Id && c.WithdrawnAt == null).ToListAsync(cancellationToken));
        foreach (var consent in given.Distinct())
        {
            consent.WithdrawnAt = context.Now;
        }

        context.Db.AuditLog.Add(new AuditEntry
        {
            At = context.Now,
            ActorKind = ActorKind.Participant,
            ActorId = context.Person.Id,
            Action = "erasure.requested",
            SubjectKind = "participant",
            SubjectId = context.Person.Id,
            BranchId = context.Person.BranchId,
        });
        return new Dictionary<string, string> { ["status"] = "requested" };
    }
}
