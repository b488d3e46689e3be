using MentorBot.Bot.Dialogs.Understanding;

namespace MentorBot.Tests.Dialogs.Understanding;

public sealed class YesNoReaderTests
{
    public static TheoryData<string, string, bool?, string> Cases => new()
    {
        { "en", "yes", true, "plain yes" },
        { "en", "Yes please!", true, "extra words and punctuation" },
        { "en", "NO", false, "upper case" },
        { "en", "1", true, "the first numbered option is yes" },
        { "en", "2", false, "the second numbered option is no" },
        { "en", "yes no", null, "both said: ambiguous" },
        { "en", "maybe", null, "neither said" },
        { "da", "ja tak", true, "Danish yes with extra word" },
        { "da", "Nej tak", false, "Danish 'nej tak' is a no, not a 'tak'" },
        { "da", "ok", true, "Danish list has ok" },
        { "ar", "نعم", true, "Arabic yes" },
        { "ar", "نَعَم", true, "Arabic yes with harakat" },
        { "ar", "لا", false, "Arabic no" },
        { "ar", "لأ", false, "Arabic colloquial no with hamza" },
        { "ar", "yes", true, "English falls back for an Arabic writer" },
        { "ar", "١", true, "Arabic-Indic one picks the first option" },
        { "fa", "بله", true, "Persian yes" },
        { "fa", "آره", true, "Persian colloquial yes with madda" },
        { "fa", "نه", false, "Persian no" },
        { "fa", "خیر", false, "Persian formal no with Persian yeh" },
        { "so", "Haa", true, "Somali yes" },
        { "so", "maya", false, "Somali no" },
        { "ti", "እወ", true, "Tigrinya yes" },
        { "ti", "ኣይፋል", false, "Tigrinya no" },
        { "uk", "Так", true, "Ukrainian yes" },
        { "uk", "ні", false, "Ukrainian no" },
        { "ru", "да", true, "Russian yes" },
        { "ru", "нет", false, "Russian no" },
        { "tr", "Evet", true, "Turkish yes" },
        { "tr", "HAYIR", false, "Turkish no in capitals (dotless i)" },
        { "ur", "ہاں", true, "Urdu yes" },
        { "ur", "جی نہیں", false, "Urdu 'ji nahin' is no although 'ji' alone is yes" },
        { "ur", "نہیں", false, "Urdu no" },
        { "es", "Sí", true, "Spanish yes with accent" },
        { "es", "si", true, "Spanish yes without accent" },
        { "fr", "Oui", true, "French yes" },
        { "fr", "non", false, "French no" },
        { "da", "ja", true, "Danish yes" },
        { "en", "ja", null, "Danish words are not understood in English (no fallback that way)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads(string language, string reply, bool? expected, string reason)
    {
        var actual = YesNoReader.Read(reply, TestCatalog.Keywords(language));
        Assert.True(expected == actual, $"{reason}: expected {expected?.ToString() ?? "null"}, got {actual?.ToString() ?? "null"}");
    }
}
