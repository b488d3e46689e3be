using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MentorBot.Scheduler.Jobs;

/// <summary>
/// The <c>scheduler</c> check of <c>/health</c>: Hangfire's storage answers, and on a node that runs a Hangfire
/// server, that server has sent a heartbeat lately (a server whose heartbeat stopped is taken as dead by the
/// others and its jobs are recovered: this node is then not doing its share).
/// </summary>
public sealed class SchedulerHealthCheck(JobStorage storage, SchedulerNode node, SchedulerOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            if (!node.RunsServer)
            {
                return Task.FromResult(HealthCheckResult.Healthy($"Hangfire storage reachable; no server on this node ({servers.Count} in the cluster)"));
            }

            var mine = servers.FirstOrDefault(s => s.Name.StartsWith(node.ServerName + ":", StringComparison.Ordinal));
            // Hangfire's heartbeats are on real time (UTC), not on the app's clock, which a test may move.
            var silentFor = mine?.Heartbeat is { } heartbeat ? DateTime.UtcNow - heartbeat : (TimeSpan?)null;
            return Task.FromResult(silentFor is { } silent && silent < SchedulerSetup.ServerTimeout(options)
                ? HealthCheckResult.Healthy($"Hangfire storage reachable; server {mine!.Name} alive ({servers.Count} in the cluster)")
                : HealthCheckResult.Unhealthy(mine is null ? $"Hangfire server {node.ServerName} is not registered" : $"Hangfire server {mine.Name} silent for {silentFor:g}"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage is not reachable", e));
        }
    }
}
