using System.Text.Json;
using MentorBot.Bot.Access;
using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Coordinator.Access;

/// <summary>Writes the console's audit rows: who (coordinator id) did or saw what (action), about whom (ids), in which branch. Never names or numbers.</summary>
public sealed class ConsoleAudit(MentorBotDb db, TimeProvider clock)
{
    /// <summary>Adds the row to the unit of work; the caller's SaveChanges writes it with the change it records.</summary>
    public void Add(BranchScope access, string action, string subjectKind, Guid subjectId, Guid? branchId, object? details = null) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), ActorKind = ActorKind.Coordinator, ActorId = access.CoordinatorId, Action = action,
            SubjectKind = subjectKind, SubjectId = subjectId, BranchId = branchId,
            Details = details is null ? null : JsonSerializer.Serialize(details),
        });

    /// <summary>
    /// Adds a row about a console account (subject kind <c>coordinator</c>): <paramref name="actorId"/> is the admin
    /// who changed it, or she herself (a recovery code used at login, before she has a scope).
    /// </summary>
    public void AddAccount(Guid? actorId, string action, Guid coordinatorId, object? details = null) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), ActorKind = ActorKind.Coordinator, ActorId = actorId, Action = action,
            SubjectKind = "coordinator", SubjectId = coordinatorId, Details = details is null ? null : JsonSerializer.Serialize(details),
        });

    /// <summary>Records a view at once: a page that only reads still leaves its trace.</summary>
    public async Task ViewedAsync(BranchScope access, string action, string subjectKind, Guid subjectId, Guid? branchId, CancellationToken cancellationToken)
    {
        Add(access, action, subjectKind, subjectId, branchId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
