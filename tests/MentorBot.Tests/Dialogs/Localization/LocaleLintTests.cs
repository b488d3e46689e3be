using MentorBot.Bot.Dialogs;
using MentorBot.Bot.Dialogs.Definitions;
using MentorBot.Bot.Dialogs.Engine;
using MentorBot.Bot.Dialogs.Localization;
using MentorBot.Bot.Dialogs.Understanding;

namespace MentorBot.Tests.Dialogs.Localization;

/// <summary>Checks on the locale files themselves, so translators get a test failure, not a confused participant.</summary>
public sealed class LocaleLintTests
{
    private static LocaleCatalog Catalog => TestCatalog.Instance;

    // Languages the sample dialog is fully translated into.
    private static readonly string[] SampleLanguages = ["en", "da", "ar"];

    public static TheoryData<string> Languages() => new(Catalog.SupportedLanguages);

    [Fact]
    public void Twelve_languages_are_supported_with_english_as_base()
    {
        Assert.Equal(["da", "en", "ar", "fa", "uk", "ru", "so", "ti", "tr", "ur", "es", "fr"], Catalog.SupportedLanguages);
        Assert.Equal("en", Catalog.BaseLanguage);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_all_keyword_lists(string language)
    {
        var own = Catalog.OwnKeywords(language);
        Assert.NotEmpty(own.Yes);
        Assert.NotEmpty(own.No);
        Assert.NotEmpty(own.Skip);
        Assert.NotEmpty(own.Today);
        Assert.NotEmpty(own.Tomorrow);
        Assert.NotEmpty(own.LanguageNames);
        Assert.Equal(Enum.GetValues<DayOfWeek>().Order(), own.Weekdays.Keys.Order());
        Assert.Equal(Enumerable.Range(1, 10), own.Numbers.Keys.Order());
        // English supplies the commands it shares with others (stop, start, menu) through fallback.
        Assert.Equal(Enum.GetValues<GlobalCommand>().Order(), Catalog.Keywords(language).Commands.Keys.Order());
        Assert.False(string.IsNullOrWhiteSpace(Catalog.OwnTexts(language).GetValueOrDefault(LabelKeys.LanguageName)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Yes_and_no_never_share_a_word(string language)
    {
        var keywords = Catalog.Keywords(language);
        var yes = keywords.Yes.Select(TextNormalizer.Normalize).ToHashSet();
        Assert.DoesNotContain(keywords.No.Select(TextNormalizer.Normalize), yes.Contains);
    }

    [Fact]
    public void A_command_word_means_the_same_command_in_every_language()
    {
        var seen = new Dictionary<string, (GlobalCommand Command, string Language)>();
        var conflicts = new List<string>();
        foreach (var (language, keywords) in Catalog.AllOwnKeywords())
        {
            foreach (var (command, phrases) in keywords.Commands)
            {
                foreach (var phrase in phrases.Select(TextNormalizer.Normalize))
                {
                    if (seen.TryGetValue(phrase, out var earlier) && earlier.Command != command)
                    {
                        conflicts.Add($"'{phrase}' is {earlier.Command} in {earlier.Language} but {command} in {language}");
                    }
                    seen.TryAdd(phrase, (command, language));
                }
            }
        }
        Assert.Empty(conflicts);
    }

    [Fact]
    public void A_command_word_is_never_an_answer_word_in_any_language()
    {
        // Commands are read before answers: a collision would make an answer impossible to give.
        var commandWords = Catalog.AllOwnKeywords()
            .SelectMany(entry => entry.Keywords.Commands.Values.SelectMany(phrases => phrases))
            .Select(TextNormalizer.Normalize).ToHashSet();
        var collisions = Catalog.AllOwnKeywords()
            .SelectMany(entry => entry.Keywords.Yes.Concat(entry.Keywords.No).Concat(entry.Keywords.Skip)
                .Concat(entry.Keywords.Numbers.Values.SelectMany(words => words))
                .Concat(entry.Keywords.Choices.Values.SelectMany(words => words))
                .Select(word => (entry.Language, Word: TextNormalizer.Normalize(word))))
            .Where(pair => commandWords.Contains(pair.Word))
            .Select(pair => $"{pair.Language}: {pair.Word}");
        Assert.Empty(collisions);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_has_a_base_text_with_the_same_placeholders(string language)
    {
        var problems = new List<string>();
        foreach (var (key, text) in Catalog.OwnTexts(language))
        {
            var baseText = Catalog.OwnTexts(Catalog.BaseLanguage).GetValueOrDefault(key);
            if (baseText is null)
            {
                problems.Add($"{key} is not in {Catalog.BaseLanguage}");
            }
            else if (!MessageTemplate.Placeholders(text).SetEquals(MessageTemplate.Placeholders(baseText)))
            {
                problems.Add($"{key} has placeholders {{{string.Join(",", MessageTemplate.Placeholders(text))}}}, base has {{{string.Join(",", MessageTemplate.Placeholders(baseText))}}}");
            }
        }
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("da")]
    [InlineData("ar")]
    public void The_sample_dialog_is_fully_translated(string language)
    {
        Assert.Contains(language, SampleLanguages);
        var missing = DialogKeys.UsedBy(TestDialogs.Sample(), Catalog)
            .Concat(Catalog.OwnTexts("en").Keys.Where(key => key.StartsWith("common.", StringComparison.Ordinal)))
            .Where(key => !Catalog.OwnTexts(language).ContainsKey(key))
            .Distinct();
        Assert.Empty(missing);
    }
}
