using System.Text.RegularExpressions;
using MentorBot.Bot.Dialogs.Localization;

namespace MentorBot.Bot.Dialogs.Understanding;

public static partial class DateReader
{
    // Day first, as in Denmark: 12/3, 12.03.2026, 12-03-26. A missing year: see Read.
    [GeneratedRegex(@"(?<![0-9])([0-9]{1,2})\s*[./-]\s*([0-9]{1,2})(?:\s*[./-]\s*([0-9]{4}|[0-9]{2}))?(?![0-9])")]
    private static partial Regex NumericDate();

    private enum RelativeDay { Today, Tomorrow }

    /// <summary>
    /// A calendar date from a reply, relative to <paramref name="today"/> (the person's local date), with
    /// digits of any script. A weekday name means the next such day after today ("Monday" said on a Monday
    /// is a week later: people name the day when they do not mean today), or with <see cref="DateDirection.Past"/>
    /// the last such day before today. A date without a year is its next occurrence from today on
    /// (<see cref="DateDirection.Future"/>: "12/3" in November is next March), its last one up to today
    /// (<see cref="DateDirection.Past"/>), or without a direction this year's.
    /// </summary>
    public static DateOnly? Read(string reply, LanguageKeywords keywords, DateOnly today, DateDirection? direction = null)
    {
        var plain = TextNormalizer.FoldDigits(TextNormalizer.RemoveInvisible(reply));
        var numeric = NumericDate().Matches(plain);
        if (numeric.Count == 1) return FromNumbers(numeric[0], today, direction);
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
            DayOfWeek day => direction == DateDirection.Past ? LastBefore(today, day) : NextAfter(today, day),
            _ => null,
        };
    }

    private static DateOnly NextAfter(DateOnly today, DayOfWeek day)
    {
        var days = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }

    private static DateOnly LastBefore(DateOnly today, DayOfWeek day)
    {
        var days = ((int)today.DayOfWeek - (int)day + 7) % 7;
        return today.AddDays(days == 0 ? -7 : -days);
    }

    private static DateOnly? FromNumbers(Match match, DateOnly today, DateDirection? direction)
    {
        var day = int.Parse(match.Groups[1].Value);
        var month = int.Parse(match.Groups[2].Value);
        if (match.Groups[3].Success)
        {
            var year = int.Parse(match.Groups[3].Value);
            if (year < 100) year += 2000;
            return Valid(year, month, day);
        }

        if (direction is null) return Valid(today.Year, month, day);

        // The nearest year on the asked side; 29/2 only exists in leap years, so look a few years on.
        for (var step = 0; step <= 8; step++)
        {
            var year = direction == DateDirection.Future ? today.Year + step : today.Year - step;
            if (Valid(year, month, day) is { } date && (direction == DateDirection.Future ? date >= today : date <= today)) return date;
        }
        return null;
    }

    private static DateOnly? Valid(int year, int month, int day) =>
        month is < 1 or > 12 || day < 1 || year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month) ? null : new DateOnly(year, month, day);
}
