using System.Text.RegularExpressions;
using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Understanding;

public static partial class DateReader
{
    // Day first, as in Denmark: 12/3, 12.03.2026, 12-03-26. A missing year means this year.
    [GeneratedRegex(@"(?<![0-9])([0-9]{1,2})\s*[./-]\s*([0-9]{1,2})(?:\s*[./-]\s*([0-9]{4}|[0-9]{2}))?(?![0-9])")]
    private static partial Regex NumericDate();

    private enum RelativeDay { Today, Tomorrow }

    /// <summary>
    /// A calendar date from a reply, relative to <paramref name="today"/> (the person's local date).
    /// A weekday name means the next such day after today: "Monday" said on a Monday is a week later,
    /// because people name the day when they do not mean today.
    /// </summary>
    public static DateOnly? Read(string reply, LanguageKeywords keywords, DateOnly today)
    {
        var plain = TextNormalizer.FoldDigits(TextNormalizer.RemoveInvisible(reply));
        var numeric = NumericDate().Matches(plain);
        if (numeric.Count == 1) return FromNumbers(numeric[0], today);
        if (numeric.Count > 1) return null;

        var finder = new PhraseFinder<object>()
            .Add(RelativeDay.Today, keywords.Today)
            .Add(RelativeDay.Tomorrow, keywords.Tomorrow);
        foreach (var (day, phrases) in keywords.Weekdays) finder.Add(day, phrases);

        var said = finder.FindAll(TextNormalizer.Words(reply)).Select(match => match.Value).Distinct().ToList();
        if (said.Count != 1) return null;
        return said[0] switch
        {
            RelativeDay.Today => today,
            RelativeDay.Tomorrow => today.AddDays(1),
            DayOfWeek day => NextAfter(today, day),
            _ => null,
        };
    }

    private static DateOnly NextAfter(DateOnly today, DayOfWeek day)
    {
        var days = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }

    private static DateOnly? FromNumbers(Match match, DateOnly today)
    {
        var day = int.Parse(match.Groups[1].Value);
        var month = int.Parse(match.Groups[2].Value);
        var year = today.Year;
        if (match.Groups[3].Success)
        {
            year = int.Parse(match.Groups[3].Value);
            if (year < 100) year += 2000;
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }
}
