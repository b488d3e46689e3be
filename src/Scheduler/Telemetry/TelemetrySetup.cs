using MentorBot.Data.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MentorBot.Scheduler.Telemetry;

/// <summary>
/// What every MentorBot process (web node, scheduler-only worker) records and where it goes: MentorBot's own
/// spans and meter, Npgsql's, the .NET runtime's, exported by OTLP only when <see cref="OtlpEndpointVariable"/>
/// is set. Without it nothing is exported: the OTLP exporter's default (localhost:4317) would retry against a
/// collector nobody runs. The web node adds ASP.NET Core and HttpClient (src/Bot/Observability).
/// </summary>
public static class TelemetrySetup
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <param name="serviceName">The service name when <see cref="ServiceNameVariable"/> does not give one.</param>
    public static OpenTelemetryBuilder AddMentorBotTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<MentorBotMetrics>();
        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration[ServiceNameVariable] is { Length: > 0 } named ? named : serviceName))
            // Spans nobody exports are not made: every SQL command and every call to Twilio would build one for nothing.
            .WithTracing(tracing => tracing.AddSource(MentorBotTelemetry.Name).AddNpgsql().SetSampler(exporting ? new ParentBasedSampler(new AlwaysOnSampler()) : new AlwaysOffSampler()))
            .WithMetrics(metrics => metrics.AddMeter(MentorBotTelemetry.Name).AddNpgsqlInstrumentation().AddRuntimeInstrumentation());
        if (exporting)
        {
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }
}
