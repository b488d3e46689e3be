using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>The audit log, newest first (admins only): who saw or changed what, by id.</summary>
public sealed class AuditModel(MentorBotDb db) : PageModel
{
    const int Shown = 300;

    public List<AuditEntry> Entries { get; private set; } = [];

    public Dictionary<Guid, string> Actors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Entries = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id).Take(Shown).ToListAsync(cancellationToken);
        var ids = Entries.Where(e => e.ActorId != null).Select(e => e.ActorId!.Value).Distinct().ToList();
        Actors = await db.Coordinators.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DisplayName, cancellationToken);
    }
}
