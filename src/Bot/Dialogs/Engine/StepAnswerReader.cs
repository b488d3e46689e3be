using System.Globalization;
using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Localization;
using MentorBot.Bot.Dialogs.Understanding;

namespace MentorBot.Bot.Dialogs.Engine;

/// <summary>Reads a reply to a question step with the reader that fits its kind, and checks its limits.</summary>
internal static class StepAnswerReader
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;

    public static AnswerReading Read(DialogStep step, string reply, string language, DialogContext context)
    {
        var keywords = context.Catalog.Keywords(language);
        if (step.Optional && new PhraseFinder<bool>().Add(true, keywords.Skip).TryMatchWhole(TextNormalizer.Words(reply), out _))
        {
            return new AnswerReading.Skipped();
        }

        return step.Kind switch
        {
            StepKind.AskText => ReadText(step, reply),
            StepKind.AskChoice => Answer(ChoiceReader.ReadOne(reply, ChoiceWordsFor(step, language, context.Catalog))),
            StepKind.AskMulti => ReadMany(step, reply, language, context.Catalog),
            StepKind.AskYesNo => Answer(YesNoReader.Read(reply, keywords) switch { true => "yes", false => "no", null => null }),
            StepKind.AskNumber => ReadNumber(step, reply, keywords),
            StepKind.AskDate => ReadDate(step, reply, keywords, context.Today),
            StepKind.AskScale => ReadScale(step, reply, language, context.Catalog),
            StepKind.AskLanguage => Answer(ReadLanguage(reply, context.Catalog)),
            _ => throw new InvalidOperationException($"Step '{step.Id}' ({step.Kind}) does not take replies."),
        };
    }

    /// <summary>The words that pick each option: its number, its label as shown, and the locale keywords.</summary>
    public static IReadOnlyList<ChoiceWords> ChoiceWordsFor(DialogStep step, string language, LocaleCatalog catalog)
    {
        var keywords = catalog.Keywords(language);
        return step.Choices.Select((value, index) =>
        {
            var labelKey = LabelKeys.Choice(catalog, step.Prompt!, value);
            IReadOnlyList<string> phrases =
            [
                .. Labels(catalog, language, labelKey),
                .. keywords.Choices.GetValueOrDefault(value) ?? [],
            ];
            return new ChoiceWords(value, index + 1, phrases);
        }).ToList();
    }

    // Counted in text elements, as she sees characters: an emoji or a letter with its marks is one.
    private static AnswerReading ReadText(DialogStep step, string reply)
    {
        var text = TextNormalizer.RemoveInvisible(reply).Trim();
        if (text.Length == 0) return AnswerReading.NotUnderstood.Plain;
        var max = step.MaxLength ?? DialogStep.DefaultMaxLength;
        return new StringInfo(text).LengthInTextElements > max ? Explain("common.too_long", ("max", max)) : new AnswerReading.Answered(text);
    }

    /// <summary>A date on the side of today the step asks about; one on the other side is explained, kindly.</summary>
    public static AnswerReading ReadDate(DialogStep step, string reply, LanguageKeywords keywords, DateOnly today)
    {
        var date = DateReader.Read(reply, keywords, today, step.When);
        return (step.When, date) switch
        {
            (_, null) => AnswerReading.NotUnderstood.Plain,
            (DateDirection.Future, { } d) when d < today => Explain("common.date_not_future"),
            (DateDirection.Past, { } d) when d > today => Explain("common.date_not_past"),
            (_, { } d) => new AnswerReading.Answered(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
    }

    private static AnswerReading ReadMany(DialogStep step, string reply, string language, LocaleCatalog catalog)
    {
        var picked = ChoiceReader.ReadMany(reply, ChoiceWordsFor(step, language, catalog), catalog.Keywords(language).ListJoiners);
        if (picked is null) return AnswerReading.NotUnderstood.Plain;
        if (step.Max is { } max && picked.Count > max) return Explain("common.too_many_choices", ("max", max));
        if (step.Min is { } min && picked.Count < min) return Explain("common.too_few_choices", ("min", min));
        // Stored in the order of the options, so the same answer always reads the same.
        return new AnswerReading.Answered(string.Join(',', step.Choices.Where(picked.Contains)));
    }

    private static AnswerReading ReadNumber(DialogStep step, string reply, LanguageKeywords keywords)
    {
        var number = NumberReader.Read(reply, keywords);
        if (number is null) return AnswerReading.NotUnderstood.Plain;
        if (number < step.Min || number > step.Max)
        {
            return step is { Min: { } min, Max: { } max }
                ? Explain("common.number_out_of_range", ("min", min), ("max", max))
                : AnswerReading.NotUnderstood.Plain;
        }
        return new AnswerReading.Answered(number.Value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A language by its number in the menu ("3", "٣") or its name ("arabic", "عربي", "ar").</summary>
    public static string? ReadLanguage(string reply, LocaleCatalog catalog, IReadOnlyList<string>? menuOrder = null)
    {
        var languages = menuOrder ?? catalog.SupportedLanguages;
        var number = NumberReader.Read(reply, LanguageKeywords.Empty);
        if (number is >= 1 && number <= languages.Count) return languages[number.Value - 1];
        return LanguageNameReader.Read(reply, catalog);
    }

    private static AnswerReading ReadScale(DialogStep step, string reply, string language, LocaleCatalog catalog)
    {
        var number = NumberReader.Read(reply, catalog.Keywords(language));
        if (number is >= ScaleMin and <= ScaleMax) return new AnswerReading.Answered(number.Value.ToString(CultureInfo.InvariantCulture));
        if (number is not null) return Explain("common.number_out_of_range", ("min", ScaleMin), ("max", ScaleMax));

        // "very confident": the label words of a point pick it too.
        var points = Enumerable.Range(ScaleMin, ScaleMax - ScaleMin + 1)
            .Select(point => new ChoiceWords(point.ToString(CultureInfo.InvariantCulture), point,
                Labels(catalog, language, LabelKeys.Scale(catalog, step.Prompt!, point))))
            .ToList();
        return Answer(ChoiceReader.ReadOne(reply, points));
    }

    // The label as shown in the person's language, and in the base language, which people often use for short words like "IT".
    private static IReadOnlyList<string> Labels(LocaleCatalog catalog, string language, string key) =>
        new[] { catalog.TryText(language, key), catalog.TryText(catalog.BaseLanguage, key) }
            .OfType<string>().Distinct().ToList();

    private static AnswerReading Answer(string? value) =>
        value is null ? AnswerReading.NotUnderstood.Plain : new AnswerReading.Answered(value);

    private static AnswerReading.NotUnderstood Explain(string key, params (string Name, int Value)[] arguments) =>
        new(key, arguments.ToDictionary(pair => pair.Name, pair => pair.Value.ToString(CultureInfo.InvariantCulture)));
}
