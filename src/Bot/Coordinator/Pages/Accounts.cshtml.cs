using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.Coordinator.Accounts;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// Console accounts (admins only): every coordinator and admin with role, branches, two-factor and whether she is
/// disabled; and a form to create one, after which her page shows the setup link to hand over.
/// </summary>
public sealed class AccountsModel(MentorBotDb db, ConsoleAccessReader accessReader, CoordinatorAdministration administration) : PageModel
{
    public List<AccountRow> Accounts { get; private set; } = [];

    public List<Branch> Branches { get; private set; } = [];

    public string? Error { get; private set; }

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public CoordinatorRole Role { get; set; } = CoordinatorRole.Coordinator;

    [BindProperty]
    public string Language { get; set; } = "da";

    [BindProperty]
    public List<Guid> BranchIds { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var admin = await accessReader.ReadAsync(cancellationToken);
        var (change, id, token) = await administration.CreateAsync(admin, new(Email, DisplayName, Role, Language, BranchIds), cancellationToken);
        if (change == AccountChange.Done)
        {
            NewSetupLink.Keep(TempData, token!);
            return RedirectToPage("/Account", new { id });
        }

        Error = AccountModel.TextOf(change);
        await ReadAsync(cancellationToken);
        return Page();
    }

    async Task ReadAsync(CancellationToken cancellationToken)
    {
        Branches = await db.Branches.AsNoTracking().OrderBy(b => b.Name).ToListAsync(cancellationToken);
        var names = Branches.ToDictionary(b => b.Id, b => b.Name);
        Accounts = (await db.Coordinators.AsNoTracking().Include(c => c.Branches).OrderBy(c => c.DisabledAt != null).ThenBy(c => c.DisplayName).ToListAsync(cancellationToken))
            .Select(c => new AccountRow(c, string.Join(", ", c.Branches.Select(b => names.GetValueOrDefault(b.BranchId)).Order())))
            .ToList();
    }

    public sealed record AccountRow(Data.Model.Coordinator Account, string Branches);
}
