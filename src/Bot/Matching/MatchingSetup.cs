using MentorBot.Data.Settings;

namespace MentorBot.Bot.Matching;

public static class MatchingSetup
{
    /// <summary>The <c>Matching</c> options (weights, partner programs) and the coordinators' match administration.</summary>
    public static void AddMatching(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MatchingOptions>();
        builder.Services.AddScoped<MatchAdministration>();
    }
}
