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

    // Wednesday 25 November 2026: late in the year, where "12/3" used to become last March.
    private static readonly DateOnly LateNovember = new(2026, 11, 25);

    public static TheoryData<DateDirection, string, string, string?, string> DirectedCases => new()
    {
        { DateDirection.Future, "en", "12/3", "2027-03-12", "written in late November, 12/3 is next March" },
        { DateDirection.Future, "ar", "١٢/٣", "2027-03-12", "Arabic-Indic digits, next March" },
        { DateDirection.Future, "fa", "۱۲/۳", "2027-03-12", "Persian digits, next March" },
        { DateDirection.Future, "ur", "۱۲/۳", "2027-03-12", "Urdu writes the Persian digits too" },
        { DateDirection.Future, "ti", "፲፪/፫", "2027-03-12", "Ge'ez numbers, next March" },
        { DateDirection.Future, "en", "25/11", "2026-11-25", "today is not in the past" },
        { DateDirection.Future, "en", "24/11", "2027-11-24", "yesterday's day and month: next year" },
        { DateDirection.Future, "en", "3/12", "2026-12-03", "next week stays this year" },
        { DateDirection.Future, "en", "29/2", "2028-02-29", "the next 29 February is in the next leap year" },
        { DateDirection.Future, "en", "12/3/2026", "2026-03-12", "a written year is kept (the step then says it has passed)" },
        { DateDirection.Future, "en", "monday", "2026-11-30", "the next Monday" },
        { DateDirection.Past, "en", "20/11", "2026-11-20", "earlier this month" },
        { DateDirection.Past, "en", "1/12", "2025-12-01", "next week's day and month: last year's" },
        { DateDirection.Past, "ar", "٢٠/١١", "2026-11-20", "Arabic-Indic digits, earlier this month" },
        { DateDirection.Past, "en", "25/11", "2026-11-25", "today is not in the future" },
        { DateDirection.Past, "en", "monday", "2026-11-23", "the last Monday" },
        { DateDirection.Past, "en", "wednesday", "2026-11-18", "today's weekday means a week ago" },
        { DateDirection.Past, "en", "31/2", null, "no 31 February on either side" },
    };

    [Theory]
    [MemberData(nameof(DirectedCases))]
    public void Reads_a_date_without_a_year_on_the_side_the_question_asks_about(DateDirection direction, string language, string reply, string? expected, string reason)
    {
        var actual = DateReader.Read(reply, TestCatalog.Keywords(language), LateNovember, direction)?.ToString("yyyy-MM-dd");
        Assert.True(expected == actual, $"{reason}: expected {expected ?? "null"}, got {actual ?? "null"}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads(string language, string reply, string? expected, string reason)
    {
        var actual = DateReader.Read(reply, TestCatalog.Keywords(language), Today)?.ToString("yyyy-MM-dd");
        Assert.True(expected == actual, $"{reason}: expected {expected ?? "null"}, got {actual ?? "null"}");
    }
}
