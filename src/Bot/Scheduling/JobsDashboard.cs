using Hangfire;
using Hangfire.Dashboard;
using MentorBot.Bot.Coordinator;
using MentorBot.Bot.Coordinator.Accounts;

namespace MentorBot.Bot.Scheduling;

public static class JobsDashboard
{
    /// <summary>
    /// Hangfire's dashboard at <c>/console/jobs</c>, behind the console's admin policy: anonymous visitors are sent to
    /// the login, coordinators get 403 (they keep the prompt overview on a person's and a match's page). Never
    /// Hangfire's default filter, which lets in every request from the loopback address: behind a reverse proxy on
    /// the same host, that is everyone. The storage's connection string is not shown.
    /// </summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(ConsoleClaims.AdminPolicy, ConsolePaths.Jobs, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            AppPath = ConsolePaths.Root,
            DashboardTitle = "MentorBot",
            DisplayStorageConnectionString = false,
        });
}
