using MentorBot.Bot.Dialogs.Understanding;

namespace MentorBot.Tests.Dialogs.Understanding;

public sealed class ChoiceReaderTests
{
    private static readonly IReadOnlyList<ChoiceWords> Fields =
    [
        new("it", 1, ["IT", "computer", "تكنولوجيا المعلومات"]),
        new("health", 2, ["Health", "nurse", "sundhed", "ممرضة"]),
        new("education", 3, ["Teaching", "school"]),
        new("engineering", 4, ["Engineering", "وظائف"]),
        new("other", 5, ["Something else", "other", "شبكة"]),
        new("work", 6, ["ስራሕ"]),
        new("study", 7, ["ትምህርቲ", "ትምህርት"]),
        new("society", 8, ["ሕብረተሰብ"]),
    ];

    private static readonly string[] Joiners = ["and", "og", "و", "-ን"];

    public static TheoryData<string, string?, string> SingleCases => new()
    {
        { "2", "health", "number of the option" },
        { "٢", "health", "Arabic-Indic number of the option" },
        { "02", "health", "leading zero" },
        { "nurse", "health", "keyword" },
        { "I am a NURSE.", "health", "keyword with extra words and case" },
        { "ممرضة", "health", "Arabic keyword" },
        { "تكنولوجيا المعلومات", "it", "two-word Arabic keyword" },
        { "something else", "other", "two-word keyword" },
        { "Health 2", "health", "number and keyword agree" },
        { "1 2", null, "two different options" },
        { "9", null, "number past the list" },
        { "፪", "health", "Ge'ez numeral of the option" },
        { "0", null, "zero is not an option" },
        { "banana", null, "nothing recognised" },
    };

    [Theory]
    [MemberData(nameof(SingleCases))]
    public void Reads_one(string reply, string? expected, string reason)
    {
        var actual = ChoiceReader.ReadOne(reply, Fields);
        Assert.True(expected == actual, $"{reason}: expected {expected ?? "null"}, got {actual ?? "null"}");
    }

    public static TheoryData<string, string?, string> ManyCases => new()
    {
        { "1 3 5", "it education other", "numbers separated by spaces" },
        { "1,3", "it education", "comma without space" },
        { "1, 3 og 5", "it education other", "Danish list with 'og'" },
        { "١ و ٣", "it education", "Arabic-Indic digits with Arabic 'and'" },
        { "1و3", "it education", "Arabic 'and' glued to digits" },
        { "ممرضة وشبكة", "health other", "Arabic 'and' glued to the next word" },
        { "وظائف", "engineering", "a word that starts with the letter و is read whole first" },
        { "۱ ۲", "it health", "Persian digits" },
        { "IT and nurse", "it health", "keywords joined by 'and'" },
        { "3 1", "education it", "order of the reply is kept" },
        { "2 2", "health", "a repeated option counts once" },
        { "2", "health", "a single option is a valid list" },
        { "ስራሕን ትምህርትን", "work study", "Tigrinya 'and' glued to the end of each word" },
        { "ስራሕ ትምህርትን ሕብረተሰብን", "work study society", "Tigrinya: the first word without it" },
        { "፩ ፫", "it education", "Ge'ez numerals" },
        { "ሰን", null, "a one-letter word with the suffix is no option" },
        { "1 3 9", null, "a number off the list rejects the whole reply" },
        { "1 but not 3", null, "unknown words in a list are not ignored" },
        { "", null, "empty reply" },
    };

    [Theory]
    [MemberData(nameof(ManyCases))]
    public void Reads_many(string reply, string? expected, string reason)
    {
        var actual = ChoiceReader.ReadMany(reply, Fields, Joiners);
        var joined = actual is null ? null : string.Join(' ', actual);
        Assert.True(expected == joined, $"{reason}: expected {expected ?? "null"}, got {joined ?? "null"}");
    }
}
