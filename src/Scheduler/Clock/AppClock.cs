using Microsoft.Extensions.Hosting;

namespace MentorBot.Scheduler.Clock;

/// <summary>
/// The one clock a process uses for what is due, sent, reported and expired: the system's, or with
/// <see cref="TestClockOptions.Enabled"/> an <see cref="AdjustableClock"/> — never in Production, where a
/// moved clock would send real people months of prompts at once.
/// </summary>
public static class AppClock
{
    public const string RefusedInProduction =
        "TestClock__Enabled=true is refused in the Production environment: an adjustable clock would let anyone who can move it "
        + "send every participant's prompts at once. Set ASPNETCORE_ENVIRONMENT (the worker: DOTNET_ENVIRONMENT) to Development "
        + "or Testing for a test run, or remove the setting.";

    public const string Warning =
        "TEST CLOCK ON: this process's time is adjustable (POST /testing/clock on a web node). Prompts, surveys and expiries "
        + "follow it. Never run real participants on it.";

    /// <summary>The clock for <paramref name="options"/> in <paramref name="environment"/>; throws <see cref="InvalidOperationException"/> with <see cref="RefusedInProduction"/> in Production.</summary>
    public static TimeProvider Choose(TestClockOptions options, IHostEnvironment environment)
    {
        if (!options.Enabled)
        {
            return TimeProvider.System;
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(RefusedInProduction);
        }

        return new AdjustableClock(TimeProvider.System, options.Start);
    }
}
