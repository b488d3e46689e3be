namespace MentorBot.Scheduler.Jobs;

/// <summary>
/// This process as Hangfire knows it: the name its server registers under (host and process id, so two nodes
/// on one machine are told apart in the dashboard and in <c>/health</c>), and whether it runs a server at all.
/// </summary>
public sealed record SchedulerNode(string ServerName, bool RunsServer)
{
    public static SchedulerNode ThisProcess(bool runsServer) =>
        new($"{Environment.MachineName}-{Environment.ProcessId}".ToLowerInvariant(), runsServer);
}
