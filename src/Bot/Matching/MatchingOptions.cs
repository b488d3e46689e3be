namespace MentorBot.Bot.Matching;

/// <summary>
/// The <c>Matching</c> configuration section: the weights of the scoring model and the partner company
/// programs. Example: <c>Matching__PartnerPrograms__itcompany__0=it</c> makes the mentors whose
/// partner company is <c>itcompany</c> count as that program's mentors for mentees seeking IT jobs.
/// </summary>
public sealed record MatchingOptions
{
    public const string Section = "Matching";

    public MatchingWeights Weights { get; init; } = new();

    /// <summary>
    /// Partner company program → the fields its mentors are for. Keys are compared with the mentor's
    /// partner company as written at signup, ignoring case, spaces and punctuation.
    /// </summary>
    public Dictionary<string, List<string>> PartnerPrograms { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many suggestions a mentee gets at a time.</summary>
    public int SuggestionCount { get; init; } = 3;

    /// <summary>
    /// Scores within this many points count as equal for the fair spread: among them a mentor with fewer
    /// mentees (then fewer requests answered) comes first, so the same few are not always on top.
    /// </summary>
    public double NearEqualPoints { get; init; } = 2;

    public static MatchingOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<MatchingOptions>() ?? new MatchingOptions();
        return options with { PartnerPrograms = new Dictionary<string, List<string>>(options.PartnerPrograms, StringComparer.OrdinalIgnoreCase) };
    }
}
