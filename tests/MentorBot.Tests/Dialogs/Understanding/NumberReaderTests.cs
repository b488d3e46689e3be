using MentorBot.Bot.Dialogs.Understanding;

namespace MentorBot.Tests.Dialogs.Understanding;

public sealed class NumberReaderTests
{
    public static TheoryData<string, string, int?, string> Cases => new()
    {
        { "en", "7", 7, "Latin digits" },
        { "en", "about 12 years", 12, "extra words around the number" },
        { "en", "3years", 3, "number glued to a word" },
        { "en", "five", 5, "spelled-out English" },
        { "en", "0", 0, "zero is a number" },
        { "ar", "٧", 7, "Arabic-Indic digit" },
        { "ar", "١٢ سنة", 12, "two Arabic-Indic digits with a word" },
        { "fa", "۱۲", 12, "Persian digits" },
        { "ar", "خمسة", 5, "spelled-out Arabic" },
        { "ar", "خمس سنوات", 5, "Arabic short form" },
        { "fa", "پنج", 5, "spelled-out Persian" },
        { "da", "fem år", 5, "spelled-out Danish" },
        { "uk", "пʼять", 5, "Ukrainian with modifier-letter apostrophe" },
        { "ti", "ሰለስተ", 3, "spelled-out Tigrinya" },
        { "ti", "፫", 3, "Ge'ez numeral" },
        { "ti", "፲፪ ዓመት", 12, "Ge'ez ten and two, with a word" },
        { "ti", "፳፻፲፰", 2018, "Ge'ez twenty hundreds, ten and eight" },
        { "ti", "፻", 100, "Ge'ez hundred alone" },
        { "so", "toban", 10, "spelled-out Somali" },
        { "tr", "üç", 3, "spelled-out Turkish with diacritics" },
        { "ur", "دس", 10, "spelled-out Urdu" },
        { "en", "3 or 4", null, "two different numbers are ambiguous" },
        { "en", "5 five", 5, "the same number twice is fine" },
        { "en", "many", null, "no number at all" },
        { "en", "99999999999", null, "too large for a whole number" },
        { "en", "", null, "empty reply" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads(string language, string reply, int? expected, string reason)
    {
        var actual = NumberReader.Read(reply, TestCatalog.Keywords(language));
        Assert.True(expected == actual, $"{reason}: expected {expected?.ToString() ?? "null"}, got {actual?.ToString() ?? "null"}");
    }
}
