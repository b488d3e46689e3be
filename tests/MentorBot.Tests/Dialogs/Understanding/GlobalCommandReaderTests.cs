using MentorBot.Bot.Dialogs.Understanding;

namespace MentorBot.Tests.Dialogs.Understanding;

public sealed class GlobalCommandReaderTests
{
    public static TheoryData<string, string?, string> Cases => new()
    {
        { "STOP", "Stop", "English stop in capitals" },
        { "stop.", "Stop", "punctuation is ignored" },
        { "afmeld", "Stop", "Danish stop" },
        { "توقف", "Stop", "Arabic stop" },
        { "jooji", "Stop", "Somali stop" },
        { "стоп", "Stop", "Russian and Ukrainian stop" },
        { "help", "Help", "English help" },
        { "hjælp", "Help", "Danish help" },
        { "مساعدة", "Help", "Arabic help" },
        { "کمک", "Help", "Persian help" },
        { "ሓገዝ", "Help", "Tigrinya help" },
        { "menu", "Restart", "menu restarts" },
        { "forfra", "Restart", "Danish restart" },
        { "start", "Start", "start" },
        { "language", "Language", "language without a name opens the menu" },
        { "زبان", "Language", "Persian/Urdu language" },
        { "language arabic", "Language:ar", "language with a name switches at once" },
        { "sprog dansk", "Language:da", "Danish language command with a name" },
        { "لغة عربي", "Language:ar", "Arabic language command with a name" },
        { "language ar", "Language:ar", "language code" },
        { "I can't stop working", null, "a command word inside a sentence is not a command" },
        { "stop please now", null, "only the whole reply counts" },
        { "language klingon", null, "an unknown language name is not a command" },
        { "Anna", null, "a name is not a command" },
        { "أبداً", null, "Arabic 'never' is an answer, not START (it normalises like ابدأ)" },
        { "ابدئي", "Start", "Arabic start" },
        { "DİL", "Language", "Turkish capital dotted İ, as a phone capitalises it" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads(string reply, string? expected, string reason)
    {
        var reading = GlobalCommandReader.Read(reply, TestCatalog.Instance);
        var actual = reading is null ? null : reading.Language is null ? reading.Command.ToString() : $"{reading.Command}:{reading.Language}";
        Assert.True(expected == actual, $"{reason}: expected {expected ?? "null"}, got {actual ?? "null"}");
    }
}
