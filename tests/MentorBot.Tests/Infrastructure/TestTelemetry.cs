using System.Diagnostics.Metrics;
using MentorBot.Bot.Observability;
using MentorBot.Data.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Tests.Infrastructure;

/// <summary>The instruments for tests that build the host, the receiver or the dispatcher by hand (no listener: nothing is kept).</summary>
public static class TestTelemetry
{
    static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static MentorBotMetrics Metrics { get; } = new(Services.GetRequiredService<IMeterFactory>());

    public static DialogTurnTelemetry Turns { get; } = new(Metrics, TimeProvider.System);
}
