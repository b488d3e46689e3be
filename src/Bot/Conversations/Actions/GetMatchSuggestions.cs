using System.Globalization;
using MentorBot.Bot.Matching;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// Up to three mentors for her to choose from, as numbered lines with a short reason in her language
/// ("1. Karen - Project manager - same field - speaks العربية - Aarhus"; plain separators keep an SMS in GSM-7), showing only what mentors agreed
/// to share: first name, profession, languages, city. "Show others" runs it again and skips those shown.
/// Results: <c>count</c>, <c>list</c>, and <c>mentor_1..3</c> (ids, for <c>send_match_request</c>).
/// </summary>
public sealed class GetMatchSuggestions : IDialogAction
{
    public string Name => "get_match_suggestions";

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var shownBefore = (context.Value("results.shown") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(Guid.Parse).ToHashSet();
        var suggestions = await SuggestionFinder.FindAsync(context.Db, context.Person, shownBefore, 3, cancellationToken);

        var results = new Dictionary<string, string>
        {
            ["count"] = suggestions.Count.ToString(CultureInfo.InvariantCulture),
            ["list"] = string.Join('\n', suggestions.Select((s, i) => Line(context, i + 1, s))),
            ["shown"] = string.Join(',', shownBefore.Concat(suggestions.Select(s => s.MentorId))),
        };
        for (var i = 0; i < suggestions.Count; i++)
        {
            results[$"mentor_{i + 1}"] = suggestions[i].MentorId.ToString();
        }

        return results;
    }

    static string Line(DialogActionContext context, int number, MentorSuggestion suggestion)
    {
        var parts = new List<string> { suggestion.FirstName };
        if (!string.IsNullOrWhiteSpace(suggestion.Profession))
        {
            parts.Add(suggestion.Profession);
        }

        if (suggestion.Field is not null)
        {
            parts.Add(context.Text("suggestions.reason.same_field"));
        }

        if (suggestion.SharedLanguages.Count > 0)
        {
            var names = suggestion.SharedLanguages.Select(code => context.Library.Catalog.TryText(code, "language.name") ?? code);
            parts.Add(context.Text("suggestions.reason.speaks", new Dictionary<string, string> { ["languages"] = string.Join(", ", names) }));
        }

        if (!string.IsNullOrWhiteSpace(suggestion.City))
        {
            parts.Add(suggestion.City);
        }

        return $"{number.ToString(CultureInfo.InvariantCulture)}. {string.Join(" - ", parts)}";
    }
}
