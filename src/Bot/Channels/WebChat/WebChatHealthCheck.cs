using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// "webchat": unhealthy until this node LISTENs for other nodes' activities (a socket held here would
/// otherwise hear their replies only at the next keep-alive); degraded when the /chat page's Web Chat
/// bundle was not built (Direct Line still works).
/// </summary>
sealed class WebChatHealthCheck(ActivityNotificationListener listener, ActivityStreams streams) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var open = $"{streams.Count} streams open";
        if (!listener.IsListening)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"not listening for web chat activities yet; {open}"));
        }

        return Task.FromResult(File.Exists(WebChatPageEndpoints.BundleFile)
            ? HealthCheckResult.Healthy($"Direct Line at /v3/directline, page at /chat; {open}")
            : HealthCheckResult.Degraded($"Direct Line at /v3/directline; /chat has no Web Chat bundle (npm ci --prefix src/Bot/ClientApp, then build); {open}"));
    }
}
