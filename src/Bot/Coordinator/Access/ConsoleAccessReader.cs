using System.Security.Claims;
using MentorBot.Bot.Coordinator.Accounts;
using MentorBot.Data;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Access;

/// <summary>Reads the signed-in coordinator's access from the database once per request (branches can change while she is signed in).</summary>
public sealed class ConsoleAccessReader(MentorBotDb db, IHttpContextAccessor http)
{
    ConsoleAccess? _access;

    public async Task<ConsoleAccess> ReadAsync(CancellationToken cancellationToken)
    {
        if (_access is not null)
        {
            return _access;
        }

        var user = http.HttpContext?.User ?? throw new InvalidOperationException("No request.");
        var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));
        var branches = await db.CoordinatorBranches.Where(b => b.CoordinatorId == id).Select(b => b.BranchId).ToListAsync(cancellationToken);
        _access = new ConsoleAccess(id, user.IsInRole(ConsoleClaims.AdminRole), branches);
        return _access;
    }
}
