using MentorBot.Bot.Dialogs.Understanding;

namespace MentorBot.Tests.Dialogs.Understanding;

public sealed class DateReaderTests
{
    // Wednesday 11 March 2026, the local date in Copenhagen.
    private static readonly DateOnly Today = new(2026, 3, 11);

    public static TheoryData<string, string, string?, string> Cases => new()
    {
        { "en", "today", "2026-03-11", "today" },
        { "en", "Tomorrow!", "2026-03-12", "tomorrow with punctuation" },
        { "da", "i morgen", "2026-03-12", "Danish two-word tomorrow" },
        { "da", "imorgen", "2026-03-12", "Danish tomorrow written together" },
        { "en", "friday", "2026-03-13", "weekday later this week" },
        { "en", "monday", "2026-03-16", "weekday already passed this week: next week" },
        { "en", "wednesday", "2026-03-18", "today's weekday means a week later" },
        { "da", "på mandag", "2026-03-16", "Danish weekday with extra word" },
        { "ar", "الجمعة", "2026-03-13", "Arabic Friday" },
        { "ar", "يوم الاثنين", "2026-03-16", "Arabic 'day Monday'" },
        { "ar", "غداً", "2026-03-12", "Arabic tomorrow with tanween" },
        { "fa", "سه‌شنبه", "2026-03-17", "Persian Tuesday with zero-width non-joiner, not Saturday" },
        { "fa", "سه شنبه", "2026-03-17", "Persian Tuesday with a space, not Saturday" },
        { "fa", "شنبه", "2026-03-14", "Persian Saturday" },
        { "so", "berri", "2026-03-12", "Somali tomorrow" },
        { "tr", "cumartesi", "2026-03-14", "Turkish Saturday, not cuma (Friday)" },
        { "en", "12/3", "2026-03-12", "day/month, Danish order, this year" },
        { "en", "3/12", "2026-12-03", "day first even when it could be read the US way" },
        { "en", "12.03.2026", "2026-03-12", "dotted with year" },
        { "en", "12-03-2026", "2026-03-12", "dashes with year" },
        { "en", "1/2/27", "2027-02-01", "two-digit year" },
        { "ar", "١٢/٣", "2026-03-12", "Arabic-Indic digits" },
        { "fa", "۱۲/۳/۲۰۲۶", "2026-03-12", "Persian digits with year" },
        { "en", "from 20/4 on", "2026-04-20", "numeric date among words" },
        { "en", "31/2", null, "no 31 February" },
        { "en", "12/13", null, "no month 13" },
        { "en", "12/3 or 13/3", null, "two dates are ambiguous" },
        { "en", "today or tomorrow", null, "two days are ambiguous" },
        { "en", "soon", null, "not a date" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads(string language, string reply, string? expected, string reason)
    {
        var actual = DateReader.Read(reply, TestCatalog.Keywords(language), Today)?.ToString("yyyy-MM-dd");
        Assert.True(expected == actual, $"{reason}: expected {expected ?? "null"}, got {actual ?? "null"}");
    }
}
