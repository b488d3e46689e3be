using System.ComponentModel.DataAnnotations;
using MentorBot.Data.Settings;

namespace MentorBot.Bot.Matching;

/// <summary>
/// The <c>Matching</c> configuration section: the weights of the scoring model and the partner company
/// programs. Example: <c>Matching__PartnerPrograms__itcompany__0=it</c> makes the mentors whose
/// partner company is <c>itcompany</c> count as that program's mentors for mentees seeking IT jobs.
/// </summary>
public sealed record MatchingOptions : IOptionsSection
{
    public static string Section => "Matching";

    public MatchingWeights Weights { get; init; } = new();

    /// <summary>
    /// Partner company program → the fields its mentors are for. Keys are compared with the mentor's
    /// partner company as written at signup, ignoring case, spaces and punctuation. Whatever dictionary is
    /// given (the configuration binder's, a test's), the one kept ignores case.
    /// </summary>
    public Dictionary<string, List<string>> PartnerPrograms
    {
        get => _partnerPrograms;
        init => _partnerPrograms = new Dictionary<string, List<string>>(value, StringComparer.OrdinalIgnoreCase);
    }

    readonly Dictionary<string, List<string>> _partnerPrograms = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many suggestions a mentee gets at a time.</summary>
    [Range(1, 50)]
    public int SuggestionCount { get; init; } = 3;

    /// <summary>
    /// Scores within this many points count as equal for the fair spread: among them a mentor with fewer
    /// mentees (then fewer requests answered) comes first, so the same few are not always on top.
    /// </summary>
    [Range(0.0, 1000.0)]
    public double NearEqualPoints { get; init; } = 2;
}
