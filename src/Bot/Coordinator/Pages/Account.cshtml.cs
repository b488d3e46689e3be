using MentorBot.Bot.Access;
using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.Coordinator.Accounts;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// One console account (admins only): her role and branches, disable or enable her, reset her two-factor, and a new
/// setup link (shown here once, right after it was made). Every change goes through <see cref="CoordinatorAdministration"/>,
/// which audits it.
/// </summary>
public sealed class AccountModel(MentorBotDb db, ConsoleAccessReader accessReader, CoordinatorAdministration administration, TwoFactorEnrolment enrolment) : PageModel
{
    public Data.Model.Coordinator Account { get; private set; } = null!;

    public List<Branch> Branches { get; private set; } = [];

    public int RecoveryCodesLeft { get; private set; }

    public string? SetupLink { get; private set; }

    public bool IsMe { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Coordinators.AsNoTracking().Include(c => c.Branches).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Account = account;
        IsMe = (await accessReader.ReadAsync(cancellationToken)).CoordinatorId == id;
        Branches = await db.Branches.AsNoTracking().OrderBy(b => b.Name).ToListAsync(cancellationToken);
        RecoveryCodesLeft = await enrolment.CodesLeftAsync(account);
        SetupLink = NewSetupLink.Take(TempData, Request);
        return Page();
    }

    public Task<IActionResult> OnPostAccessAsync(Guid id, CoordinatorRole role, List<Guid>? branchIds, CancellationToken cancellationToken) =>
        ActAsync(id, admin => administration.ChangeAccessAsync(admin, id, role, branchIds ?? [], cancellationToken), "accounts.notice.access_changed", cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, admin => administration.DisableAsync(admin, id, cancellationToken), "accounts.notice.disabled", cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, admin => administration.EnableAsync(admin, id, cancellationToken), "accounts.notice.enabled", cancellationToken);

    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, admin => administration.ResetTwoFactorAsync(admin, id, cancellationToken), "accounts.notice.two_factor_reset", cancellationToken);

    public async Task<IActionResult> OnPostSetupLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        var admin = await accessReader.ReadAsync(cancellationToken);
        var (change, token) = await administration.IssueSetupLinkAsync(admin, id, cancellationToken);
        if (change == AccountChange.NotFound)
        {
            return NotFound();
        }

        NewSetupLink.Keep(TempData, token!);
        return RedirectToPage("/Account", new { id });
    }

    async Task<IActionResult> ActAsync(Guid id, Func<BranchScope, Task<AccountChange>> act, string done, CancellationToken cancellationToken)
    {
        var change = await act(await accessReader.ReadAsync(cancellationToken));
        if (change == AccountChange.NotFound)
        {
            return NotFound();
        }

        Notice = change == AccountChange.Done ? done : TextOf(change);
        return RedirectToPage("/Account", new { id });
    }

    public static string TextOf(AccountChange change) => change switch
    {
        AccountChange.InvalidEmail => "accounts.error.invalid_email",
        AccountChange.EmailTaken => "accounts.error.email_taken",
        AccountChange.NeedsBranch => "accounts.error.needs_branch",
        AccountChange.NotYourself => "accounts.error.not_yourself",
        _ => "accounts.error.not_found",
    };
}
