using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>The second step: the six-digit code of her authenticator app. Wrong codes count towards lockout too.</summary>
[EnableRateLimiting(ConsoleSetup.LoginRateLimit)]
public sealed class LoginTwoFactorModel(SignInManager<Data.Model.Coordinator> signIn) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Login");
        }

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(LoginModel.SafeReturn(ReturnUrl));
        }

        Error = result.IsLockedOut ? "login.locked" : "login2fa.invalid";
        return Page();
    }
}
