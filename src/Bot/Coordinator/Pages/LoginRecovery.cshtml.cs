using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.Coordinator.Accounts;
using MentorBot.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// The second step without her phone: one of her recovery codes instead of the authenticator's. Each code works
/// once; its use is audited (coordinator.recovery_code_used, with how many are left). Wrong codes count towards lockout.
/// </summary>
[EnableRateLimiting(ConsoleSetup.LoginRateLimit)]
public sealed class LoginRecoveryModel(SignInManager<Data.Model.Coordinator> signIn, UserManager<Data.Model.Coordinator> users, ConsoleAudit audit, MentorBotDb db,
    ILogger<LoginRecoveryModel> logger) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Login");
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCodes.Normalize(Code));
        if (result.Succeeded)
        {
            var left = await users.CountRecoveryCodesAsync(user);
            audit.AddAccount(user.Id, AccountAuditActions.RecoveryCodeUsed, user.Id, new { left });
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Console login with a recovery code ({Left} left)", left);
            return LocalRedirect(LoginModel.SafeReturn(ReturnUrl));
        }

        Error = result.IsLockedOut ? "login.locked" : "recovery.invalid";
        return Page();
    }
}
