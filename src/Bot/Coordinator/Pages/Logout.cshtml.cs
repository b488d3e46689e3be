using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>Signing out is a POST (with its anti-forgery token), so no link or image can sign her out.</summary>
public sealed class LogoutModel(SignInManager<Data.Model.Coordinator> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Login");
    }
}
