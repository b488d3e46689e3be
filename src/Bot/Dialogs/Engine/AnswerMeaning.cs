namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>
/// What a reply to a question was read as, kept with her message so the console shows it beside her words
/// ("٣" → 3 · Esbjerg/Varde) without running a reader again. <paramref name="Value"/> is what the step stored
/// (<c>esbjerg</c>, <c>job,network,career</c>, <c>2026-12-05</c>); <paramref name="Options"/> the numbered options
/// it picked, whose labels the console renders in its own language. A free-text answer has no value here: her
/// words are the message itself, and nothing reads them for a meaning.
/// </summary>
public sealed record AnswerMeaning(string? Value, IReadOnlyList<ChoiceOption> Options, bool Skipped = false)
{
    public static AnswerMeaning FreeText { get; } = new(null, []);

    public static AnswerMeaning Skip { get; } = new(null, [], Skipped: true);

    /// <summary>The options whose codes the stored value names (one, or several joined with commas).</summary>
    public static AnswerMeaning Of(string value, IReadOnlyList<ChoiceOption> shown)
    {
        var codes = value.Split(',');
        return new(value, shown.Where(option => codes.Contains(option.Value, StringComparer.Ordinal)).ToList());
    }
}
