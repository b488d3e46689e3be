namespace MentorBot.Bot.SurveyResults;

public static class SurveyResultsSetup
{
    /// <summary>The start/end survey comparison, its CSV and its chart data, for the console.</summary>
    public static void AddSurveyResults(this WebApplicationBuilder builder) => builder.Services.AddScoped<SurveyComparison>();
}
