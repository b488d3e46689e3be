namespace MentorBot.Bot.Matching;

public static class MatchingSetup
{
    /// <summary>The <c>Matching</c> options (weights, partner programs) and the coordinators' match administration.</summary>
    public static void AddMatching(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(MatchingOptions.From(builder.Configuration));
        builder.Services.AddScoped<MatchAdministration>();
    }
}
