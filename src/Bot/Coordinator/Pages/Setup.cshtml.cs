using MentorBot.Bot.Coordinator.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// A setup link an admin handed over: she chooses her password here (twice), then signs in on the login page.
/// Open to anyone who holds the token; a used, replaced or expired link says so and sets nothing.
/// </summary>
[EnableRateLimiting(ConsoleSetup.LoginRateLimit)]
public sealed class SetupModel(SetupLinks links) : PageModel
{
    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string Confirmation { get; set; } = "";

    public SetupLinkOutcome? Outcome { get; private set; }

    public string Token { get; private set; } = "";

    public bool Usable => Outcome is null or SetupLinkOutcome.PasswordRefused;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        var outcome = await links.CheckAsync(token, cancellationToken);
        Outcome = outcome == SetupLinkOutcome.Done ? null : outcome;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        Outcome = await links.CompleteAsync(token, Password, Confirmation, cancellationToken);
        return Page();
    }

    public static string TextOf(SetupLinkOutcome outcome) => outcome switch
    {
        SetupLinkOutcome.Done => "setup.done",
        SetupLinkOutcome.Expired => "setup.expired",
        SetupLinkOutcome.PasswordRefused => "setup.password_refused",
        _ => "setup.invalid",
    };
}
