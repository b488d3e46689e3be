using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>
/// ASP.NET Core Identity's store over the <c>coordinators</c> table: the coordinator row is the console
/// account (password hash, security stamp, lockout, authenticator key), so no second user table has to be
/// kept in step with it. The e-mail is the user name. Roles are the row's <see cref="CoordinatorRole"/>,
/// turned into a role claim by <see cref="CoordinatorClaimsFactory"/>. The authenticator key is kept encrypted
/// (<see cref="AuthenticatorKeyProtection"/>), recovery codes as hashes in their own table (<see cref="RecoveryCodes"/>).
/// </summary>
public sealed class CoordinatorUserStore(MentorBotDb db, TimeProvider clock, AuthenticatorKeyProtection keys) :
    IUserPasswordStore<Data.Model.Coordinator>,
    IUserEmailStore<Data.Model.Coordinator>,
    IUserSecurityStampStore<Data.Model.Coordinator>,
    IUserLockoutStore<Data.Model.Coordinator>,
    IUserTwoFactorStore<Data.Model.Coordinator>,
    IUserAuthenticatorKeyStore<Data.Model.Coordinator>,
    IUserTwoFactorRecoveryCodeStore<Data.Model.Coordinator>
{
    public async Task<IdentityResult> CreateAsync(Data.Model.Coordinator user, CancellationToken cancellationToken)
    {
        if (user.CreatedAt == default)
        {
            user.CreatedAt = clock.GetUtcNow();
        }

        db.Coordinators.Add(user);
        return await SaveAsync(cancellationToken);
    }

    public async Task<IdentityResult> UpdateAsync(Data.Model.Coordinator user, CancellationToken cancellationToken)
    {
        // A key stored in plain text before migration 0014 is encrypted the first time her row is saved again.
        if (user.AuthenticatorKey is { } stored && !AuthenticatorKeyProtection.IsProtected(stored))
        {
            user.AuthenticatorKey = keys.Protect(stored);
        }

        if (db.Entry(user).State == EntityState.Detached)
        {
            db.Coordinators.Update(user);
        }

        return await SaveAsync(cancellationToken);
    }

    public async Task<IdentityResult> DeleteAsync(Data.Model.Coordinator user, CancellationToken cancellationToken)
    {
        db.Coordinators.Remove(user);
        return await SaveAsync(cancellationToken);
    }

    async Task<IdentityResult> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return IdentityResult.Success;
        }
        catch (DbUpdateException)
        {
            // The only constraint a console change can break is the unique e-mail.
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateEmail("(e-mail)"));
        }
    }

    public async Task<Data.Model.Coordinator?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id) ? await db.Coordinators.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;

    public Task<Data.Model.Coordinator?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindByEmailAsync(normalizedUserName, cancellationToken);

    public Task<Data.Model.Coordinator?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Coordinators.FirstOrDefaultAsync(c => c.NormalizedEmail == normalizedEmail, cancellationToken);

    public Task<string> GetUserIdAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());

    public Task<string?> GetUserNameAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetUserNameAsync(Data.Model.Coordinator user, string? userName, CancellationToken cancellationToken)
    {
        user.Email = userName ?? user.Email;
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedUserNameAsync(Data.Model.Coordinator user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedEmail = normalizedName ?? user.NormalizedEmail;
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(Data.Model.Coordinator user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetEmailAsync(Data.Model.Coordinator user, string? email, CancellationToken cancellationToken)
    {
        user.Email = email ?? user.Email;
        return Task.CompletedTask;
    }

    public Task<string?> GetEmailAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    // An admin creates accounts for people she knows: there is no self-service e-mail to confirm.
    public Task<bool> GetEmailConfirmedAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetEmailConfirmedAsync(Data.Model.Coordinator user, bool confirmed, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string?> GetNormalizedEmailAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(Data.Model.Coordinator user, string? normalizedEmail, CancellationToken cancellationToken)
    {
        user.NormalizedEmail = normalizedEmail ?? user.NormalizedEmail;
        return Task.CompletedTask;
    }

    public Task SetSecurityStampAsync(Data.Model.Coordinator user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) =>
        // A disabled account is locked for good.
        Task.FromResult(user.DisabledAt is not null ? DateTimeOffset.MaxValue : user.LockoutEnd);

    public Task SetLockoutEndDateAsync(Data.Model.Coordinator user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(Data.Model.Coordinator user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    // Every account can be locked out: there is no exempt service account.
    public Task<bool> GetLockoutEnabledAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(Data.Model.Coordinator user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetTwoFactorEnabledAsync(Data.Model.Coordinator user, bool enabled, CancellationToken cancellationToken)
    {
        user.TwoFactorEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task<bool> GetTwoFactorEnabledAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(Data.Model.Coordinator user, string key, CancellationToken cancellationToken)
    {
        user.AuthenticatorKey = keys.Protect(key);
        return Task.CompletedTask;
    }

    public Task<string?> GetAuthenticatorKeyAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) => Task.FromResult(keys.Unprotect(user.AuthenticatorKey));

    /// <summary>Her earlier codes go; the new ones are kept as hashes and saved with her row (UpdateAsync).</summary>
    public async Task ReplaceCodesAsync(Data.Model.Coordinator user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        db.CoordinatorRecoveryCodes.RemoveRange(await db.CoordinatorRecoveryCodes.Where(c => c.CoordinatorId == user.Id).ToListAsync(cancellationToken));
        var now = clock.GetUtcNow();
        db.CoordinatorRecoveryCodes.AddRange(recoveryCodes.Select(code => new CoordinatorRecoveryCode { CoordinatorId = user.Id, CodeHash = RecoveryCodes.Hash(code), CreatedAt = now }));
    }

    /// <summary>
    /// Marks the code used in one conditional UPDATE, at once and outside the unit of work: two logins racing
    /// with the same code can't both get in.
    /// </summary>
    public async Task<bool> RedeemCodeAsync(Data.Model.Coordinator user, string code, CancellationToken cancellationToken)
    {
        var hash = RecoveryCodes.Hash(code);
        var now = clock.GetUtcNow();
        return await db.CoordinatorRecoveryCodes.Where(c => c.CoordinatorId == user.Id && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(c => c.SetProperty(r => r.UsedAt, now), cancellationToken) == 1;
    }

    public Task<int> CountCodesAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) =>
        db.CoordinatorRecoveryCodes.CountAsync(c => c.CoordinatorId == user.Id && c.UsedAt == null, cancellationToken);

    public void Dispose()
    {
    }
}
