using System.Text.Json;
using MentorBot.Data;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Privacy;

/// <summary>
/// Writes the audit rows of the privacy and survey-results services. Details are ids, counts and codes,
/// never a name, a phone number or a message text (the audit log outlives an erasure).
/// </summary>
public static class PrivacyAudit
{
    public static void Add(MentorBotDb db, DateTimeOffset at, Guid? coordinatorId, string action, string? subjectKind, Guid? subjectId, Guid? branchId, object? details) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = at,
            ActorKind = coordinatorId is null ? ActorKind.System : ActorKind.Coordinator,
            ActorId = coordinatorId,
            Action = action,
            SubjectKind = subjectKind,
            SubjectId = subjectId,
            BranchId = branchId,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        });
}
