using MentorBot.Bot.Coordinator.Access;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>
/// One-time setup links: an admin issues one (a new account, or a forgotten password), hands it over herself,
/// and the coordinator chooses her password with it. A link expires after <see cref="ConsoleOptions.SetupLinkLifetime"/>,
/// works once, and a newer link for the same account replaces the older ones.
/// </summary>
public sealed class SetupLinks(MentorBotDb db, UserManager<Data.Model.Coordinator> users, ConsoleAudit audit, TimeProvider clock, IOptions<ConsoleOptions> options)
{
    /// <summary>Adds a link for her to the unit of work (older unused ones end) and returns its token; the caller saves.</summary>
    public async Task<string> IssueAsync(Guid coordinatorId, Guid adminId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.CoordinatorSetupLinks.Where(l => l.CoordinatorId == coordinatorId && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresAt, now), cancellationToken);
        var token = SetupLinkToken.Generate();
        var lifetime = options.Value.SetupLinkLifetime;
        db.CoordinatorSetupLinks.Add(new CoordinatorSetupLink
        {
            CoordinatorId = coordinatorId, TokenHash = SetupLinkToken.Hash(token), CreatedBy = adminId, CreatedAt = now, ExpiresAt = now + lifetime,
        });
        audit.AddAccount(adminId, AccountAuditActions.SetupLinkIssued, coordinatorId, new { expiresInHours = lifetime.TotalHours });
        return token;
    }

    /// <summary>Whether the link can still be used (shown before she types a password).</summary>
    public async Task<SetupLinkOutcome> CheckAsync(string token, CancellationToken cancellationToken) =>
        (await FindAsync(token, cancellationToken)).Outcome;

    /// <summary>Sets her password with the link, which is then used up. Signing in is the next step, on the login page.</summary>
    public async Task<SetupLinkOutcome> CompleteAsync(string token, string password, string confirmation, CancellationToken cancellationToken)
    {
        var (outcome, link, coordinator) = await FindAsync(token, cancellationToken);
        if (outcome != SetupLinkOutcome.Done)
        {
            return outcome;
        }

        if (password != confirmation || !await PasswordAllowedAsync(coordinator!, password))
        {
            return SetupLinkOutcome.PasswordRefused;
        }

        // Claimed by one conditional UPDATE: two tabs sending the form at once can't both set a password.
        var now = clock.GetUtcNow();
        if (await db.CoordinatorSetupLinks.Where(l => l.Id == link!.Id && l.UsedAt == null)
                .ExecuteUpdateAsync(l => l.SetProperty(x => x.UsedAt, now), cancellationToken) != 1)
        {
            return SetupLinkOutcome.Invalid;
        }

        if (await users.HasPasswordAsync(coordinator!))
        {
            await users.RemovePasswordAsync(coordinator!);
        }

        // Adding the password changes her security stamp: a session opened with the old password ends.
        var result = await users.AddPasswordAsync(coordinator!, password);
        if (!result.Succeeded)
        {
            return SetupLinkOutcome.PasswordRefused;
        }

        await users.ResetAccessFailedCountAsync(coordinator!);
        await users.SetLockoutEndDateAsync(coordinator!, null);
        audit.AddAccount(coordinator!.Id, AccountAuditActions.SetupLinkUsed, coordinator.Id);
        await db.SaveChangesAsync(cancellationToken);
        return SetupLinkOutcome.Done;
    }

    async Task<bool> PasswordAllowedAsync(Data.Model.Coordinator coordinator, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, coordinator, password)).Succeeded)
            {
                return false;
            }
        }

        return true;
    }

    async Task<(SetupLinkOutcome Outcome, CoordinatorSetupLink? Link, Data.Model.Coordinator? Coordinator)> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SetupLinkToken.Hash(token);
        var link = await db.CoordinatorSetupLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || link.UsedAt is not null)
        {
            return (SetupLinkOutcome.Invalid, null, null);
        }

        var coordinator = await db.Coordinators.FirstOrDefaultAsync(c => c.Id == link.CoordinatorId, cancellationToken);
        if (coordinator is null || coordinator.DisabledAt is not null)
        {
            return (SetupLinkOutcome.Invalid, null, null);
        }

        return link.ExpiresAt <= clock.GetUtcNow() ? (SetupLinkOutcome.Expired, null, null) : (SetupLinkOutcome.Done, link, coordinator);
    }
}
