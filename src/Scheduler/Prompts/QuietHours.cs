namespace MentorBot.Scheduler.Prompts;

/// <summary>
/// When a prompt may go out in the person's own time zone: never between <see cref="Start"/> and
/// <see cref="End"/> (default 21:00–09:00, a window that crosses midnight). Computed on local wall-clock
/// times and converted back, so daylight-saving changes move the UTC instant, not the local hour.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly local) =>
        Start <= End ? local >= Start && local < End : local >= Start || local < End;

    /// <summary><paramref name="due"/> itself when allowed, else the next moment the quiet hours end.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset due, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(due, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!Contains(time))
        {
            return due;
        }

        var endDay = DateOnly.FromDateTime(local.DateTime);
        if (time >= End)
        {
            endDay = endDay.AddDays(1); // evening part of a window that crosses midnight: ends tomorrow morning
        }

        return AtLocal(endDay, End, zone);
    }

    /// <summary>The first allowed moment of the day after <paramref name="moment"/>'s local day (for the daily cap).</summary>
    public DateTimeOffset NextDayStart(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var nextDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime).AddDays(1);
        return NextAllowed(AtLocal(nextDay, TimeOnly.MinValue, zone), zone);
    }

    /// <summary>A local date and time as an instant; a time skipped by a spring-forward change moves to just after the gap.</summary>
    public static DateTimeOffset AtLocal(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        // An ambiguous autumn hour takes its first occurrence (the larger offset).
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
