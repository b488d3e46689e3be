using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// Hands fresh recovery codes from the POST that made them to the next page (post-redirect-get), where the layout
/// shows them once: TempData is an encrypted cookie, deleted when read.
/// </summary>
public static class NewRecoveryCodes
{
    const string Key = "RecoveryCodes";

    public static void Keep(ITempDataDictionary tempData, IReadOnlyList<string> codes) => tempData[Key] = string.Join(' ', codes);

    public static IReadOnlyList<string> Take(ITempDataDictionary tempData) =>
        tempData[Key] is string codes ? codes.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
}
