using MentorBot.Bot.Hosting;
using MentorBot.Data.Settings;
using MentorBot.Scheduler;
using MentorBot.Scheduler.Clock;

namespace MentorBot.Bot.Testing;

public static class TestClockSetup
{
    /// <summary>
    /// The app's <see cref="TimeProvider"/>: the system clock, or with <c>TestClock__Enabled=true</c> (refused in
    /// Production, and only with <c>TestClockAccess__Secret</c>) an adjustable one that <c>/testing/clock</c> moves
    /// forward, announced by a warning in the log.
    /// </summary>
    public static void AddAppClock(this WebApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<TestClockOptions>();
        TimeProvider clock;
        try
        {
            clock = AppClock.Choose(options, builder.Environment);
        }
        catch (InvalidOperationException e)
        {
            throw new StartupException(e.Message, e);
        }

        builder.Services.AddSingleton(clock);
        if (clock is AdjustableClock adjustable)
        {
            var access = builder.AddValidatedOptions<TestClockAccessOptions>();
            if (access.Secret.Trim().Length < 16)
            {
                throw new StartupException(
                    $"TestClock__Enabled=true needs TestClockAccess__Secret (16 characters or more): callers of {TestClockEndpoints.Path} send it in {TestClockAccessOptions.Header}.",
                    new InvalidOperationException("no test clock secret"));
            }

            builder.Services.AddSingleton(adjustable);
            var scheduler = builder.AddValidatedOptions<SchedulerOptions>();
            builder.Services.AddSingleton(services => new ClockCatchUp(services.GetRequiredService<IServiceScopeFactory>(), adjustable, scheduler.Enabled));
            builder.Services.AddHostedService<TestClockWarning>();
        }
    }

    /// <summary><c>GET</c>/<c>POST /testing/clock</c>, only when the test clock is on (otherwise the path does not exist: 404).</summary>
    public static void MapTestClock(this WebApplication app)
    {
        if (app.Services.GetService<AdjustableClock>() is not null)
        {
            app.MapTestClockEndpoints();
        }
    }
}
