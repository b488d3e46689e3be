using System.Net;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// Every console route, asked by nobody, by a coordinator of branch A, of branch B, and by an admin, over
/// real HTTP to the real app: who gets the page, who is sent to log in, and who finds nothing (404, so
/// another branch's person is not even known to exist).
/// </summary>
public sealed class ConsoleAuthorizationTests(PostgresFixture postgres)
{
    enum Who { Anonymous, CoordinatorA, CoordinatorB, Admin }

    const HttpStatusCode Ok = HttpStatusCode.OK;
    const HttpStatusCode Login = HttpStatusCode.Redirect;
    const HttpStatusCode Hidden = HttpStatusCode.NotFound;
    const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;

    [Fact]
    public async Task Every_route_answers_each_kind_of_visitor_as_its_branch_and_role_allow()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await SeedCrossBranchMatchAsync(database, data);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));

        // route → expected status for anonymous, coordinator A, coordinator B, admin
        var routes = new (string Path, HttpStatusCode[] Expected)[]
        {
            ("/console", [Login, Ok, Ok, Ok]),
            ("/console/people", [Login, Ok, Ok, Ok]),
            ($"/console/people/{data.MenteeA}", [Login, Ok, Hidden, Ok]),
            ($"/console/people/{data.MenteeB}", [Login, Hidden, Ok, Ok]),
            ($"/console/people/{Guid.NewGuid()}", [Login, Hidden, Hidden, Hidden]),
            ("/console/matches", [Login, Ok, Ok, Ok]),
            ("/console/reports", [Login, Ok, Ok, Ok]),
            ("/console/events", [Login, Ok, Ok, Ok]),
            ($"/console/events/{data.EventA}", [Login, Ok, Hidden, Ok]),
            ($"/console/events/{data.EventB}", [Login, Hidden, Ok, Ok]),
            ($"/console/people/{data.MenteeA}/erase", [Login, Ok, Hidden, Ok]),
            ($"/console/people/{data.MenteeB}/erase", [Login, Hidden, Ok, Ok]),
            ("/console/matches/proposal", [Login, Ok, Ok, Ok]),
            ("/console/surveys", [Login, Ok, Ok, Ok]),
            ("/console/surveys?From=2026-01-01&To=2026-06-30", [Login, Ok, Ok, Ok]),
            ("/console/audit", [Login, Forbidden, Forbidden, Ok]),
            ("/console/jobs", [Login, Forbidden, Forbidden, Ok]), // Hangfire's dashboard, behind the admin policy
            ("/console/jobs/recurring", [Login, Forbidden, Forbidden, Ok]),
            ("/console/account/two-factor", [Login, Ok, Ok, Ok]),
            ("/console/accounts", [Login, Forbidden, Forbidden, Ok]), // managing accounts: admins only
            ($"/console/accounts/{data.CoordinatorA}", [Login, Forbidden, Forbidden, Ok]),
            ($"/console/accounts/{Guid.NewGuid()}", [Login, Forbidden, Forbidden, Hidden]),
            ("/console/setup/no-such-token", [Ok, Ok, Ok, Ok]), // a setup link's page is open; a wrong token sets nothing
        };

        var clients = new Dictionary<Who, ConsoleClient>
        {
            [Who.Anonymous] = new(bot.BaseAddress),
            [Who.CoordinatorA] = await SignedInAsync(bot, ConsoleTestData.EmailA),
            [Who.CoordinatorB] = await SignedInAsync(bot, ConsoleTestData.EmailB),
            [Who.Admin] = await SignedInAsync(bot, ConsoleTestData.AdminEmail, ConsoleTestData.AdminKey),
        };
        var failures = new List<string>();
        foreach (var (path, expected) in routes)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                using var response = await clients[who].GetAsync(path);
                var want = expected[(int)who];
                if (response.StatusCode != want)
                {
                    failures.Add($"{who} GET {path}: {(int)response.StatusCode}, expected {(int)want}");
                }
                else if (want == Login && !response.Headers.Location!.OriginalString.StartsWith("/console/login", StringComparison.Ordinal)
                    && !response.Headers.Location.AbsolutePath.StartsWith("/console/login", StringComparison.Ordinal))
                {
                    failures.Add($"{who} GET {path}: redirected to {response.Headers.Location}, not to the login");
                }
            }
        }

        // Changes follow the same rule: a coordinator of B cannot take over or change A's people and matches.
        var actions = new (string FormPage, string Action, Dictionary<string, string> Fields, Who Who, HttpStatusCode Expected)[]
        {
            ("/console/people", $"/console/people/{data.MenteeA}?handler=TakeOver", [], Who.CoordinatorB, Hidden),
            ("/console/matches", "/console/matches?handler=End", new() { ["matchId"] = data.MatchA.ToString() }, Who.CoordinatorB, Hidden),
            ("/console/matches", "/console/matches?handler=Block", new() { ["matchId"] = data.MatchA.ToString() }, Who.CoordinatorB, Hidden),
            ($"/console/events/{data.EventB}", $"/console/events/{data.EventA}?handler=Attendance", [], Who.CoordinatorB, Hidden),
            ("/console/people", $"/console/people/{data.MenteeA}?handler=Export", [], Who.CoordinatorB, Hidden),
            ("/console/people", $"/console/people/{data.MenteeA}/erase", new() { ["confirm"] = "true" }, Who.CoordinatorB, Hidden),
            ("/console/matches", "/console/matches?handler=Approve", new() { ["matchId"] = data.MatchA.ToString() }, Who.CoordinatorB, Hidden),
            ("/console/matches", "/console/matches?handler=Create", new() { ["menteeId"] = data.MenteeA.ToString(), ["mentorId"] = Guid.NewGuid().ToString() }, Who.CoordinatorB, Hidden),
            ("/console/surveys", "/console/surveys?handler=Csv", [], Who.CoordinatorB, Ok),
            ("/console/people", $"/console/people/{data.MenteeB}?handler=Export", [], Who.Admin, Ok),
            ("/console/people", "/console/people", new() { ["Query"] = "Olena" }, Who.CoordinatorA, Ok),
            ("/console/people", $"/console/people/{data.MenteeA}?handler=TakeOver", [], Who.CoordinatorA, HttpStatusCode.Redirect),
            ("/console/people", $"/console/accounts/{data.CoordinatorB}?handler=Disable", [], Who.CoordinatorA, Forbidden),
            ("/console/people", "/console/accounts", new() { ["Email"] = "x@example.org", ["Role"] = "Admin" }, Who.CoordinatorA, Forbidden),
        };
        foreach (var (formPage, action, fields, who, want) in actions)
        {
            using var response = await clients[who].PostFormAsync(formPage, action, fields);
            if (response.StatusCode != want)
            {
                failures.Add($"{who} POST {action}: {(int)response.StatusCode}, expected {(int)want}");
            }
        }

        // A's search for B's mentee finds nobody.
        using (var search = await clients[Who.CoordinatorA].PostFormAsync("/console/people", "/console/people", new Dictionary<string, string> { ["Query"] = "Olena" }))
        {
            Assert.DoesNotContain(data.MenteeB.ToString(), await search.Content.ReadAsStringAsync());
        }

        // Her page, her matches and the reports in branch A show nothing of her match in branch B: not its
        // partner's name, not its report; the admin sees both.
        foreach (var path in new[] { $"/console/people/{data.MenteeA}", "/console/matches", "/console/reports" })
        {
            using var page = await clients[Who.CoordinatorA].GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            foreach (var secret in new[] { CrossBranchPartner, CrossBranchNote })
            {
                if (html.Contains(secret, StringComparison.Ordinal))
                {
                    failures.Add($"CoordinatorA GET {path} shows '{secret}' of branch B");
                }
            }
        }

        using (var own = await clients[Who.CoordinatorA].GetAsync($"/console/people/{data.MenteeA}"))
        {
            Assert.Contains("Hanne", await own.Content.ReadAsStringAsync()); // her partner in branch A is there
        }

        using (var all = await clients[Who.Admin].GetAsync($"/console/people/{data.MenteeA}"))
        {
            var html = await all.Content.ReadAsStringAsync();
            Assert.Contains(CrossBranchPartner, html);
            Assert.Contains(CrossBranchNote, html);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Each view of a person was audited with who, what, whom and which branch; B's 404s left no view.
        var views = await TestSql.RowsAsync(database,
            $"SELECT actor_id, action, subject_id, branch_id FROM audit_log WHERE action IN ('profile.viewed', 'transcript.viewed') AND actor_id = '{data.CoordinatorA}' ORDER BY id");
        Assert.Contains(views, v => v[1] is "profile.viewed" && (Guid)v[2]! == data.MenteeA && (Guid)v[3]! == data.BranchA);
        Assert.Contains(views, v => v[1] is "transcript.viewed" && (Guid)v[2]! == data.MenteeA);
        Assert.DoesNotContain(views, v => (Guid)v[2]! == data.MenteeB);
        var taken = await TestSql.RowsAsync(database, $"SELECT status, coordinator_id FROM handovers WHERE participant_id = '{data.MenteeA}'");
        Assert.Equal("taken_over", Assert.Single(taken)[0]);

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Console_pages_carry_the_security_headers_and_no_inline_script()
    {
        var database = await postgres.CreateDatabaseAsync();
        await ConsoleTestData.SeedAsync(database);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var client = await SignedInAsync(bot, ConsoleTestData.EmailA);

        foreach (var path in new[] { "/console/login", "/console" })
        {
            using var response = await client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
        }
    }

    const string CrossBranchPartner = "Mette";
    const string CrossBranchNote = "branch-B-only report note";

    /// <summary>Branch A's mentee also had a match in branch B (with B's mentor), with a report: none of it is A's business.</summary>
    static async Task SeedCrossBranchMatchAsync(string database, ConsoleTestData data)
    {
        await using var db = TestDb.Open(database);
        var mentorB = await db.Participants.Where(p => p.DisplayName == CrossBranchPartner).Select(p => p.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var match = new Match { BranchId = data.BranchB, MenteeId = data.MenteeA, MentorId = mentorB, Status = MatchStatus.Ended, RequestedAt = now.AddDays(-200), StartedAt = now.AddDays(-199), EndedAt = now.AddDays(-60) };
        db.Matches.Add(match);
        db.MeetingReports.Add(new MeetingReport { MatchId = match.Id, ReporterId = mentorB, ReporterRole = ParticipantRole.Mentor, Met = true, Channel = Channel.Sms, SubmittedAt = now.AddDays(-100), Note = CrossBranchNote });
        await db.SaveChangesAsync();
    }

    internal static async Task<ConsoleClient> SignedInAsync(BotProcess bot, string email, string? totpKey = null)
    {
        var client = new ConsoleClient(bot.BaseAddress);
        using var response = await client.LoginAsync(email, ConsoleTestData.Password, totpKey);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString == "/console",
            $"{email} could not sign in: {(int)response.StatusCode} {response.Headers.Location}\n{bot.Output}");
        return client;
    }
}
