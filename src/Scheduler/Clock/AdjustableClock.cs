namespace MentorBot.Scheduler.Clock;

/// <summary>
/// The app's clock in test mode: real time plus an offset that can only grow, so time keeps running
/// between moves and never goes back (a prompt sent, a report saved, then "earlier" would be a world the
/// code was never written for). Only the date and time are moved: timers, delays and timestamps for
/// measuring intervals are the base class's, on real time, so a jump of six months does not fire every
/// retry and lease at once — what is due is decided by the jobs reading <see cref="GetUtcNow"/>.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    readonly TimeProvider _real;
    long _offsetTicks;

    public AdjustableClock(TimeProvider real, DateTimeOffset? start = null)
    {
        _real = real;
        // A start in the past is allowed (a walk begins on a fixed Monday): the offset is then negative,
        // and from there the clock still only moves forward.
        _offsetTicks = start is { } at ? (at - real.GetUtcNow()).Ticks : 0;
    }

    public override DateTimeOffset GetUtcNow() => _real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    /// <summary>How far the clock is from real time.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward by <paramref name="by"/> (zero or more).</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "The test clock only moves forward.");
        }

        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }

    /// <summary>Moves the clock to <paramref name="instant"/>, which must not be before its current time.</summary>
    public DateTimeOffset MoveTo(DateTimeOffset instant)
    {
        while (true)
        {
            var before = Interlocked.Read(ref _offsetTicks);
            var offset = (instant - _real.GetUtcNow()).Ticks;
            if (offset < before)
            {
                throw new ArgumentOutOfRangeException(nameof(instant), "The test clock only moves forward.");
            }

            if (Interlocked.CompareExchange(ref _offsetTicks, offset, before) == before)
            {
                return GetUtcNow();
            }
        }
    }
}
