using System.Diagnostics;
using MentorBot.Data.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MentorBot.Tests.Observability;

/// <summary>
/// Listeners for a meter or an activity source are process-wide: with other tests running dialogs in parallel,
/// their turns would land in these exporters too. This collection runs on its own.
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>
/// MentorBot's spans and meter, with OpenTelemetry's in-memory exporters, in a container of their own (the meter
/// comes from its <c>IMeterFactory</c>). <see cref="Test"/> is a source for a test's own parent span.
/// </summary>
sealed class InMemoryTelemetry : IAsyncDisposable
{
    public static readonly ActivitySource Test = new("MentorBot.Tests.Observability");

    readonly ServiceProvider _services;

    public InMemoryTelemetry()
    {
        _services = new ServiceCollection()
            .AddMetrics()
            .AddSingleton<MentorBotMetrics>()
            .AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(MentorBotTelemetry.Name, Test.Name).AddInMemoryExporter(Spans))
            .WithMetrics(metrics => metrics.AddMeter(MentorBotTelemetry.Name).AddInMemoryExporter(Exported))
            .Services.BuildServiceProvider();
        _ = _services.GetRequiredService<TracerProvider>();
        _ = _services.GetRequiredService<MeterProvider>();
        Metrics = _services.GetRequiredService<MentorBotMetrics>();
    }

    public List<Activity> Spans { get; } = [];

    public List<Metric> Exported { get; } = [];

    public MentorBotMetrics Metrics { get; }

    public void Flush()
    {
        _services.GetRequiredService<TracerProvider>().ForceFlush();
        _services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    /// <summary>The sum of a counter's points whose tags include <paramref name="tags"/> (0 when it recorded nothing).</summary>
    public long Sum(string name, params (string Key, string Value)[] tags)
    {
        var metric = Exported.LastOrDefault(m => m.Name == name);
        long total = 0;
        if (metric is null)
        {
            return total;
        }

        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var pointTags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                pointTags[tag.Key] = tag.Value;
            }

            if (tags.All(wanted => Equals(pointTags.GetValueOrDefault(wanted.Key), wanted.Value)))
            {
                total += point.GetSumLong();
            }
        }

        return total;
    }

    /// <summary>Every tag of every exported point, as <c>key=value</c>.</summary>
    public List<string> AllTags()
    {
        List<string> values = [];
        foreach (var metric in Exported)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    values.Add($"{tag.Key}={tag.Value}");
                }
            }
        }

        return values;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
