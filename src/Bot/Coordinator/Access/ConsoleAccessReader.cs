using System.Security.Claims;
using MentorBot.Bot.Access;
using MentorBot.Bot.Coordinator.Accounts;
using MentorBot.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Access;

/// <summary>
/// Reads the signed-in coordinator's <see cref="BranchScope"/> from the database once per request (branches can
/// change while she is signed in): an admin's is every branch, a coordinator's the branches she is given.
/// </summary>
public sealed class ConsoleAccessReader(MentorBotDb db, IHttpContextAccessor http)
{
    BranchScope? _access;

    public async Task<BranchScope> ReadAsync(CancellationToken cancellationToken)
    {
        if (_access is not null)
        {
            return _access;
        }

        var user = http.HttpContext?.User ?? throw new InvalidOperationException("No request.");
        var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));
        _access = user.IsInRole(ConsoleClaims.AdminRole)
            ? BranchScope.Admin(id)
            : BranchScope.Coordinator(id, await db.CoordinatorBranches.Where(b => b.CoordinatorId == id).Select(b => b.BranchId).ToListAsync(cancellationToken));
        return _access;
    }
}
