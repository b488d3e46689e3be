using System.Globalization;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Rendering;
using MentorBot.Bot.Matching;

namespace MentorBot.Bot.Conversations.Actions;

/// <summary>
/// Up to three mentors for her to choose from, as numbered lines with a short reason in her language
/// (<see cref="SuggestionList"/>: "1. Karen - Project manager - same field: IT - speaks Arabic - Aarhus/Aalborg"),
/// showing only what mentors agreed to share: first name, profession, languages, branch. "Show others"
/// runs it again and skips those shown.
/// Results: <c>count</c>, <c>list</c>, <c>shown</c>, <c>mentor_1..3</c> (ids, for <c>send_match_request</c>)
/// and <c>score_1..3</c> (kept on the match for later evaluation of the weights).
/// </summary>
public sealed class GetMatchSuggestions(MatchingOptions options) : IDialogAction
{
    public string Name => "get_match_suggestions";

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var shownBefore = (context.Value("results.shown") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(Guid.Parse).ToHashSet();
        var suggestions = await SuggestionFinder.FindAsync(context.Db, context.Person, shownBefore, options, cancellationToken);

        var results = new Dictionary<string, string>
        {
            ["count"] = suggestions.Count.ToString(CultureInfo.InvariantCulture),
            ["list"] = SuggestionList.Render(context.Library.Catalog, context.Language, suggestions, list => WholeMessage(context.Library, context.Language, suggestions.Count, list)),
            ["shown"] = string.Join(',', shownBefore.Concat(suggestions.Select(s => s.MentorId))),
        };
        for (var i = 0; i < suggestions.Count; i++)
        {
            results[$"mentor_{i + 1}"] = suggestions[i].MentorId.ToString();
            results[$"score_{i + 1}"] = suggestions[i].Score.ToString(CultureInfo.InvariantCulture);
        }

        return results;
    }

    /// <summary>The question as the mentee will get it by SMS, with its options, around a list text.</summary>
    internal static string WholeMessage(DialogLibrary library, string language, int count, string list)
    {
        if (count == 0 || !library.Dialogs.TryGetValue("match_suggestions", out var dialog)
            || dialog.Steps.FirstOrDefault(s => s.Id == $"pick_of_{Words[Math.Min(count, 3)]}") is not { } step)
        {
            return list;
        }

        var prompt = PromptBuilder.Prompt(step, language, library.Catalog, new Dictionary<string, string> { ["list"] = list });
        return new SmsRenderer(library.Catalog).Render(prompt);
    }

    static readonly string[] Words = ["zero", "one", "two", "three"];
}
