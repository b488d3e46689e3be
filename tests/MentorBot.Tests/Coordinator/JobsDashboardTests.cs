using System.Net;
using MentorBot.Tests.Infrastructure;
using static MentorBot.Tests.CoordinatorConsole.ConsoleAuthorizationTests;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// Hangfire's dashboard at <c>/console/jobs</c> over real HTTP: anonymous visitors are sent to the login, a
/// coordinator gets 403, an admin sees the cluster's recurring jobs, linked from her console, without the
/// storage's connection string.
/// </summary>
public sealed class JobsDashboardTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Only_an_admin_sees_the_jobs_dashboard_and_it_shows_no_connection_string()
    {
        var database = await postgres.CreateDatabaseAsync();
        await ConsoleTestData.SeedAsync(database);
        var settings = ConsoleTestData.Settings(database);
        settings["Scheduler__Enabled"] = "true"; // a node that registers the recurring jobs, for the dashboard to list
        await using var bot = await BotProcess.ServeAsync(settings);
        using var anonymous = new ConsoleClient(bot.BaseAddress);
        using var coordinator = await SignedInAsync(bot, ConsoleTestData.EmailA);
        using var admin = await SignedInAsync(bot, ConsoleTestData.AdminEmail, ConsoleTestData.AdminKey);

        using (var response = await anonymous.GetAsync("/console/jobs"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/console/login", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString, StringComparison.Ordinal);
        }

        using (var response = await coordinator.GetAsync("/console/jobs"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.DoesNotContain("href=\"/console/jobs\"", await (await coordinator.GetAsync("/console")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("href=\"/console/jobs\"", await (await admin.GetAsync("/console")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var recurring = await admin.GetAsync("/console/jobs/recurring");
        var page = await recurring.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
        Assert.All(new[] { "prompt-planning", "prompt-dispatch-0", "prompt-dispatch-1", "retention" }, id => Assert.Contains(id, page, StringComparison.Ordinal));
        var port = new Npgsql.NpgsqlConnectionStringBuilder(database).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var path in new[] { "/console/jobs", "/console/jobs/servers" })
        {
            var html = await (await admin.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Host=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain($"Port={port}", html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
