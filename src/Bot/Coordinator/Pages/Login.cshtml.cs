using MentorBot.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>E-mail and password; then the authenticator code when she has one. Failed attempts count towards lockout.</summary>
[EnableRateLimiting(ConsoleSetup.LoginRateLimit)]
public sealed class LoginModel(SignInManager<Data.Model.Coordinator> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "login.invalid";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturn(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/LoginTwoFactor", new { returnUrl = SafeReturn(ReturnUrl) });
        }

        // Never the e-mail in the log: it is personal data, and an attacker's guesses too.
        logger.LogWarning("Console login refused ({Reason})", result.IsLockedOut ? "locked out" : "wrong e-mail or password");
        Error = result.IsLockedOut ? "login.locked" : "login.invalid";
        return Page();
    }

    /// <summary>Only a console path: a login link can never send her to another site.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(ConsolePaths.Root, StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl : ConsolePaths.Root;
}
