using System.Text;
using MentorBot.Bot.Coordinator.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// Enrols an authenticator app (TOTP, RFC 6238): shows a QR code of the otpauth:// URI and the shared key, and
/// turns two-factor on once she types a valid code; then the next page shows her ten recovery codes, once (they
/// travel in TempData, the encrypted cookie read once; see Shared/_NewRecoveryCodes). Later she can see how many
/// are left and make new ones. Admins land here until they have enrolled.
/// </summary>
public sealed class TwoFactorSetupModel(UserManager<Data.Model.Coordinator> users, SignInManager<Data.Model.Coordinator> signIn, TwoFactorEnrolment enrolment) : PageModel
{
    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public string FormattedKey { get; private set; } = "";

    public string Uri { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    public string? Error { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await enrolment.EnableAsync(user, code ?? "", cancellationToken) is { } codes)
        {
            await signIn.RefreshSignInAsync(user);
            NewRecoveryCodes.Keep(TempData, codes);
            return RedirectToPage("/Index");
        }

        Error = "twofactor.invalid";
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await enrolment.RegenerateCodesAsync(user, cancellationToken) is { } codes)
        {
            NewRecoveryCodes.Keep(TempData, codes);
        }

        return RedirectToPage("/TwoFactorSetup");
    }

    async Task ShowAsync(Data.Model.Coordinator user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = User.IsInRole(ConsoleClaims.AdminRole) && !Enabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await enrolment.CodesLeftAsync(user);
            return; // the key is a secret: shown while enrolling only
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            await signIn.RefreshSignInAsync(user); // the reset changed her security stamp
        }

        FormattedKey = Format(key);
        Uri = $"otpauth://totp/MentorBot:{System.Uri.EscapeDataString(user.Email)}?secret={key}&issuer=MentorBot&digits=6";
        QrCode = AuthenticatorQrCode.PngDataUri(Uri);
    }

    static string Format(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
