using MentorBot.Data.Model;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// She asked to be deleted: the request goes to the coordinators, who erase her data (GDPR art. 17)
/// from the console. Recorded in the audit trail.
/// </summary>
public sealed class RequestDeletion : IDialogAction
{
    public string Name => "request_deletion";

    public Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        context.Person.Status = ParticipantStatus.ErasureRequested;
        context.Person.UpdatedAt = context.Now;
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
        return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["status"] = "requested" });
    }
}
