using MentorBot.Scheduler.Telemetry;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MentorBot.Bot.Observability;

public static class ObservabilitySetup
{
    /// <summary>
    /// Traces and metrics: MentorBot's own (a span per dialog turn, the <c>MentorBot</c> meter), ASP.NET Core's,
    /// HttpClient's (the calls to Twilio) and Npgsql's, exported by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// is set (docs/observability.md). Called before any command builds the app: the dialog host records its turns.
    /// </summary>
    public static void AddObservability(this WebApplicationBuilder builder)
    {
        builder.AddMentorBotTelemetry("mentorbot")
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.EnrichWithHttpResponse = PathAsRoute)
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        builder.Services.AddSingleton<DialogTurnTelemetry>();
    }

    /// <summary>
    /// A request's path can name a person (<c>/console/person/{id}</c>) or a web chat (<c>/v3/directline/conversations/{id}</c>):
    /// the span keeps the route's template instead, as the metrics do. Query strings are redacted by the instrumentation.
    /// </summary>
    static void PathAsRoute(System.Diagnostics.Activity span, HttpResponse response)
    {
        var route = (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        span.SetTag("url.path", route is null ? null : "/" + route.TrimStart('/'));
    }
}
