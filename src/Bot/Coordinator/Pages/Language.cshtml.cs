using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>Saves her console language (da or en) on her account and re-issues her cookie with it.</summary>
public sealed class LanguageModel(UserManager<Data.Model.Coordinator> users, SignInManager<Data.Model.Coordinator> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(string language, string? returnPath)
    {
        if (!ConsoleTexts.Languages.Contains(language))
        {
            return BadRequest();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        user.Language = language;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(LoginModel.SafeReturn(returnPath));
    }
}
