using MentorBot.Bot.Coordinator.Access;
using Microsoft.AspNetCore.Identity;

namespace MentorBot.Bot.Coordinator.Accounts;

/// <summary>
/// Turns her authenticator on once she types a valid code, and hands out recovery codes: ten at enrolment, a fresh
/// ten when she asks (the old ones stop working). The codes are returned to be shown once; only hashes are kept.
/// </summary>
public sealed class TwoFactorEnrolment(UserManager<Data.Model.Coordinator> users, IUserStore<Data.Model.Coordinator> store, ConsoleAudit audit)
{
    /// <summary>Her recovery codes, or null when the code does not match the key (or she has two-factor already).</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(Data.Model.Coordinator user, string code, CancellationToken cancellationToken)
    {
        var cleaned = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (user.TwoFactorEnabled || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            return null;
        }

        user.TwoFactorEnabled = true;
        audit.AddAccount(user.Id, AccountAuditActions.TwoFactorEnabled, user.Id);
        return await NewCodesAsync(user, cancellationToken);
    }

    public async Task<IReadOnlyList<string>?> RegenerateCodesAsync(Data.Model.Coordinator user, CancellationToken cancellationToken) =>
        user.TwoFactorEnabled ? await NewCodesAsync(user, cancellationToken) : null;

    public Task<int> CodesLeftAsync(Data.Model.Coordinator user) => users.CountRecoveryCodesAsync(user);

    async Task<IReadOnlyList<string>> NewCodesAsync(Data.Model.Coordinator user, CancellationToken cancellationToken)
    {
        var codes = RecoveryCodes.Generate();
        // The store's own method, not UserManager's generator: its codes are shorter, and it would keep them as they are.
        await ((IUserTwoFactorRecoveryCodeStore<Data.Model.Coordinator>)store).ReplaceCodesAsync(user, codes, cancellationToken);
        audit.AddAccount(user.Id, AccountAuditActions.RecoveryCodesGenerated, user.Id, new { count = codes.Count });
        await users.UpdateAsync(user);
        return codes;
    }
}
