using System.Globalization;
using MentorBot.Bot.Dialogs.Localization;
using MentorBot.Bot.Dialogs.Rendering;

namespace MentorBot.Bot.Matching;

/// <summary>
/// The numbered lines of a suggestion list in the reader's language: "1. Karen - Nurse - same field:
/// Health and care - speaks Arabic - Copenhagen". Only the reasons a mentor agreed to show (field,
/// languages, branch) are written; the other reasons count in the score only. The whole message must
/// stay within three SMS segments — in Arabic or Tigrinya (UCS-2) that is 201 characters for the
/// question, the list and the options — so the list loses detail step by step until it fits: first
/// the second reason, then all reasons, then long professions are cut, then professions go.
/// </summary>
public static class SuggestionList
{
    public const int MaxSegments = 3;

    /// <param name="wholeMessage">The complete SMS the list goes into, for a given list text.</param>
    public static string Render(LocaleCatalog catalog, string language, IReadOnlyList<MentorSuggestion> suggestions, Func<string, string> wholeMessage)
    {
        string list = "";
        foreach (var detail in Details)
        {
            list = string.Join('\n', suggestions.Select((s, i) => Line(catalog, language, i + 1, s, detail)));
            if (SmsLength.Measure(wholeMessage(list)).Segments <= MaxSegments)
            {
                return list;
            }
        }

        return list;
    }

    /// <summary>How much a line says: reasons shown, longest profession, whether the branch is shown, longest name.</summary>
    public sealed record Detail(int Reasons, int Profession, bool Branch, int Name);

    static readonly Detail[] Details =
    [
        new(2, 40, true, 20),
        new(1, 40, true, 20),
        new(1, 22, true, 16),
        new(0, 22, true, 16),
        new(0, 14, false, 14),
        new(0, 0, false, 12),
    ];

    public static string Line(LocaleCatalog catalog, string language, int number, MentorSuggestion suggestion, Detail detail)
    {
        var parts = new List<string> { Cut(suggestion.FirstName, detail.Name) };
        if (!string.IsNullOrWhiteSpace(suggestion.Profession) && detail.Profession > 0)
        {
            parts.Add(Cut(suggestion.Profession.Trim(), detail.Profession));
        }

        parts.AddRange(suggestion.Reasons.Select(reason => Reason(catalog, language, reason)).OfType<string>().Take(detail.Reasons));
        if (detail.Branch && suggestion.BranchCode is { } branch && catalog.TryText(language, $"signup.ask_branch.choice.{branch}") is { } branchName)
        {
            parts.Add(branchName);
        }

        return $"{number.ToString(CultureInfo.InvariantCulture)}. {string.Join(catalog.Text(language, "match_reason.separator"), parts)}";
    }

    /// <summary>The words for a reason a mentee may read, or null for one that only counts in the score.</summary>
    public static string? Reason(LocaleCatalog catalog, string language, ReasonPart reason) => reason.Code switch
    {
        ReasonCodes.SameField or ReasonCodes.RelatedField => catalog.Format(language, $"match_reason.{reason.Code}",
            new Dictionary<string, string> { ["field"] = catalog.TryText(language, FieldTaxonomy.LabelKey(reason.Value!)) ?? reason.Value! }),
        ReasonCodes.SharedLanguages => catalog.Format(language, "match_reason.speaks", new Dictionary<string, string>
        {
            ["languages"] = string.Join(catalog.Text(language, "match_reason.list_separator"),
                reason.Value!.Split(',').Select(code => catalog.TryText(language, $"signup.ask_languages.choice.{code}") ?? code)),
        }),
        _ => null,
    };

    // Cut on a whole character: a surrogate pair (an emoji in a name) is never split.
    static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        var end = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..end].TrimEnd() + "."; // an ellipsis would make an English SMS UCS-2
    }
}
