using MentorBot.Bot.Matching;
using MentorBot.Bot.Privacy;
using MentorBot.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Access;

/// <summary>
/// The console's access in the shapes the services take: the privacy and survey services a
/// <see cref="BranchScope"/> (every branch for an admin), matching a <see cref="CoordinatorScope"/> (which
/// lists branches, so an admin's is every branch there is now).
/// </summary>
public static class ConsoleScopes
{
    public static BranchScope BranchScope(this ConsoleAccess access) =>
        access.IsAdmin ? Privacy.BranchScope.All : Privacy.BranchScope.Only(access.BranchIds);

    public static async Task<CoordinatorScope> CoordinatorScopeAsync(this ConsoleAccess access, MentorBotDb db, CancellationToken cancellationToken) =>
        new(access.CoordinatorId, access.IsAdmin ? await db.Branches.Select(b => b.Id).ToListAsync(cancellationToken) : access.BranchIds);
}
