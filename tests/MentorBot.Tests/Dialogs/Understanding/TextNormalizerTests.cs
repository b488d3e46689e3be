using MentorBot.Bot.Dialogs.Understanding;

namespace MentorBot.Tests.Dialogs.Understanding;

public sealed class TextNormalizerTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "  YES!!  ", "yes", "case, punctuation and outer spaces go" },
        { "Hej   med\tdig", "hej med dig", "runs of whitespace become one space" },
        { "Café crème", "cafe creme", "Latin accents are dropped" },
        { "HAYIR", "hayir", "Turkish dotless ı and capital I meet" },
        { "hayır", "hayir", "Turkish dotless ı folds to i" },
        { "نَعَمْ", "نعم", "Arabic harakat are dropped" },
        { "أحمد إبراهيم آمنة", "احمد ابراهيم امنه", "hamza and madda alef forms become bare alef; ta marbuta becomes heh" },
        { "علي", "علي", "Arabic yeh stays" },
        { "علی", "علي", "Persian yeh becomes Arabic yeh" },
        { "مصطفى", "مصطفي", "alef maksura becomes yeh" },
        { "کمک", "كمك", "Persian keheh becomes Arabic kaf" },
        { "نعـــم", "نعم", "tatweel (kashida) is dropped" },
        { "\u200Fنعم\u200E", "نعم", "right-to-left and left-to-right marks are dropped" },
        { "سه\u200Cشنبه", "سهشنبه", "Persian zero-width non-joiner is dropped, joining the word" },
        { "ye\u200Bs", "yes", "zero-width space inside a word is dropped" },
        { "٣ و ٥", "3 و 5", "Arabic-Indic digits become Latin digits" },
        { "۱۲", "12", "Persian digits become Latin digits" },
        { "1و3", "1 و 3", "a digit glued to a word is split off" },
        { "п'ять", "пять", "apostrophes join the word instead of splitting it" },
        { "aujourd’hui", "aujourdhui", "typographic apostrophe is dropped too" },
        { "нет, ДА.", "нет да", "Cyrillic lower-cases" },
        { "ہاں", "هاں", "Urdu heh goal folds to Arabic heh" },
        { "እወ።", "እወ", "Ethiopic full stop is punctuation" },
        { "1, 3 og 5", "1 3 og 5", "commas in lists become spaces" },
        { "", "", "empty stays empty" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalizes(string input, string expected, string reason)
    {
        Assert.True(expected == TextNormalizer.Normalize(input), $"{reason}: expected '{expected}', got '{TextNormalizer.Normalize(input)}'");
    }
}
