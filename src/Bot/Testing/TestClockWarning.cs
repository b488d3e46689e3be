using MentorBot.Scheduler.Clock;

namespace MentorBot.Bot.Testing;

/// <summary>Says loudly, at start-up, that this process runs on an adjustable clock.</summary>
public sealed class TestClockWarning(AdjustableClock clock, ILogger<TestClockWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("{Warning} Now: {Now:O}", AppClock.Warning, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
