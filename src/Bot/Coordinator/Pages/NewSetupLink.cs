using MentorBot.Bot.Coordinator.Accounts;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// Hands a new setup link's token from the POST that made it to her account page, which shows it once for the admin
/// to copy (TempData: an encrypted cookie, deleted when read). The database keeps only its hash: lost, it is reissued.
/// </summary>
public static class NewSetupLink
{
    const string Key = "SetupLink";

    public static void Keep(ITempDataDictionary tempData, string token) => tempData[Key] = token;

    /// <summary>The whole link, on the address this request came to.</summary>
    public static string? Take(ITempDataDictionary tempData, HttpRequest request) =>
        tempData[Key] is string token ? $"{request.Scheme}://{request.Host}{request.PathBase}{SetupLinkToken.PathOf(token)}" : null;
}
