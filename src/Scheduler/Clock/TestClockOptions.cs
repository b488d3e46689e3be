using MentorBot.Data.Settings;

namespace MentorBot.Scheduler.Clock;

/// <summary>
/// Configuration section <c>TestClock</c>: an adjustable clock for whole-life tests of the running app
/// (<c>TestClock__Enabled=true</c>, optionally <c>TestClock__Start=2026-03-02T09:00:00Z</c>). Off by default,
/// refused in the Production environment.
/// </summary>
public sealed class TestClockOptions : IOptionsSection
{
    public static string Section => "TestClock";

    public bool Enabled { get; set; }

    /// <summary>Where the clock starts; empty: at the real time of start-up.</summary>
    public DateTimeOffset? Start { get; set; }
}
