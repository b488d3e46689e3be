using MentorBot.Bot.Access;
using MentorBot.Bot.Coordinator.Access;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>
/// What an admin does to console accounts from the accounts page: create one (with a setup link to hand over),
/// set role and branches, disable and enable, reset two-factor, issue a new setup link. Every change is audited
/// with the admin as actor and the account as subject. Disabling and resetting two-factor change her security
/// stamp, which every request checks: her open sessions end on their next request.
/// </summary>
public sealed class CoordinatorAdministration(MentorBotDb db, UserManager<Data.Model.Coordinator> users, SetupLinks links, ConsoleAudit audit, TimeProvider clock)
{
    public sealed record NewAccount(string Email, string DisplayName, CoordinatorRole Role, string Language, IReadOnlyCollection<Guid> Branches);

    /// <summary>Creates her without a password; the returned token is for the setup link, where she chooses one.</summary>
    public async Task<(AccountChange Change, Guid Id, string? Token)> CreateAsync(BranchScope admin, NewAccount input, CancellationToken cancellationToken)
    {
        var email = input.Email.Trim();
        if (email.Length < 3 || !email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace))
        {
            return (AccountChange.InvalidEmail, default, null);
        }

        var branches = await KnownBranchesAsync(input.Branches, cancellationToken);
        if (input.Role == CoordinatorRole.Coordinator && branches.Count == 0)
        {
            return (AccountChange.NeedsBranch, default, null);
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return (AccountChange.EmailTaken, default, null);
        }

        var coordinator = new Data.Model.Coordinator
        {
            Email = email,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? email.Split('@')[0] : input.DisplayName.Trim(),
            Role = input.Role,
            Language = ConsoleTexts.Languages.Contains(input.Language) ? input.Language : "da",
        };
        coordinator.Branches.AddRange(branches.Select(b => new CoordinatorBranch { CoordinatorId = coordinator.Id, BranchId = b }));
        var created = await users.CreateAsync(coordinator);
        if (!created.Succeeded)
        {
            return (AccountChange.EmailTaken, default, null);
        }

        audit.AddAccount(admin.CoordinatorId, AccountAuditActions.Created, coordinator.Id, new { role = input.Role.ToString(), branches });
        var token = await links.IssueAsync(coordinator.Id, admin.CoordinatorId!.Value, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (AccountChange.Done, coordinator.Id, token);
    }

    public async Task<(AccountChange Change, string? Token)> IssueSetupLinkAsync(BranchScope admin, Guid id, CancellationToken cancellationToken)
    {
        if (await db.Coordinators.FirstOrDefaultAsync(c => c.Id == id && c.DisabledAt == null, cancellationToken) is null)
        {
            return (AccountChange.NotFound, null);
        }

        var token = await links.IssueAsync(id, admin.CoordinatorId!.Value, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (AccountChange.Done, token);
    }

    public async Task<AccountChange> ChangeAccessAsync(BranchScope admin, Guid id, CoordinatorRole role, IReadOnlyCollection<Guid> branchIds, CancellationToken cancellationToken)
    {
        if (await db.Coordinators.Include(c => c.Branches).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } coordinator)
        {
            return AccountChange.NotFound;
        }

        var branches = await KnownBranchesAsync(branchIds, cancellationToken);
        if (role == CoordinatorRole.Coordinator && branches.Count == 0)
        {
            return AccountChange.NeedsBranch;
        }

        if (id == admin.CoordinatorId && role != CoordinatorRole.Admin)
        {
            return AccountChange.NotYourself;
        }

        var before = new { role = coordinator.Role.ToString(), branches = coordinator.Branches.Select(b => b.BranchId).Order().ToList() };
        coordinator.Role = role;
        coordinator.Branches.RemoveAll(b => !branches.Contains(b.BranchId));
        coordinator.Branches.AddRange(branches.Where(b => coordinator.Branches.All(x => x.BranchId != b)).Select(b => new CoordinatorBranch { CoordinatorId = id, BranchId = b }));
        audit.AddAccount(admin.CoordinatorId, AccountAuditActions.RoleAndBranchesChanged, id, new { before, after = new { role = role.ToString(), branches = branches.Order().ToList() } });
        await db.SaveChangesAsync(cancellationToken);
        return AccountChange.Done;
    }

    public async Task<AccountChange> DisableAsync(BranchScope admin, Guid id, CancellationToken cancellationToken)
    {
        if (id == admin.CoordinatorId)
        {
            return AccountChange.NotYourself;
        }

        if (await users.FindByIdAsync(id.ToString()) is not { } coordinator)
        {
            return AccountChange.NotFound;
        }

        coordinator.DisabledAt ??= clock.GetUtcNow();
        audit.AddAccount(admin.CoordinatorId, AccountAuditActions.Disabled, id);
        await users.UpdateSecurityStampAsync(coordinator); // saves the row and the audit entry; her cookies fail their next check
        return AccountChange.Done;
    }

    public async Task<AccountChange> EnableAsync(BranchScope admin, Guid id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } coordinator)
        {
            return AccountChange.NotFound;
        }

        coordinator.DisabledAt = null;
        audit.AddAccount(admin.CoordinatorId, AccountAuditActions.Enabled, id);
        await db.SaveChangesAsync(cancellationToken);
        return AccountChange.Done;
    }

    /// <summary>Her authenticator key and recovery codes are gone; she enrols again at her next login (an admin must).</summary>
    public async Task<AccountChange> ResetTwoFactorAsync(BranchScope admin, Guid id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } coordinator)
        {
            return AccountChange.NotFound;
        }

        coordinator.TwoFactorEnabled = false;
        coordinator.AuthenticatorKey = null;
        await db.CoordinatorRecoveryCodes.Where(c => c.CoordinatorId == id).ExecuteDeleteAsync(cancellationToken);
        audit.AddAccount(admin.CoordinatorId, AccountAuditActions.TwoFactorReset, id);
        await users.UpdateSecurityStampAsync(coordinator);
        return AccountChange.Done;
    }

    async Task<List<Guid>> KnownBranchesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Branches.Where(b => ids.Contains(b.Id)).Select(b => b.Id).ToListAsync(cancellationToken);
}
