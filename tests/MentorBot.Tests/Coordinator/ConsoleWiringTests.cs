using System.Net;
using System.Text;
using System.Text.Json;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// The console using the services built beside it, over real HTTP to the real app: a person's export and
/// erasure (Privacy), the survey comparison with its charts and CSV (SurveyResults), and approving a match
/// through MatchAdministration (so it really starts) — each branch-scoped and audited exactly once.
/// </summary>
public sealed class ConsoleWiringTests(PostgresFixture postgres)
{
    static readonly Dictionary<string, string> NoFields = [];

    [Fact]
    public async Task A_coordinator_exports_a_persons_data_and_erases_her_and_another_branch_finds_neither()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var a = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA);
        using var b = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailB);
        var person = $"/console/people/{data.MenteeA}";

        // Export: her JSON as a download named by her id only; B gets 404 and no export is written for it.
        using (var export = await a.PostFormAsync(person, $"{person}?handler=Export", NoFields))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"mentorbot-person-{data.MenteeA}.json", export.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
            var bytes = await export.Content.ReadAsByteArrayAsync();
            using var json = JsonDocument.Parse(bytes);
            Assert.Equal(data.MenteeA.ToString(), json.RootElement.GetProperty("participant").GetProperty("id").GetString());
            var text = Encoding.UTF8.GetString(bytes);
            Assert.Contains(ConsoleTestData.MenteePhoneA, text);
            Assert.Contains(ConsoleTestData.ArabicLine, text); // her transcript, as she wrote it
        }

        using (var foreign = await b.PostFormAsync("/console/people", $"{person}?handler=Export", NoFields))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var noToken = await a.PostFormAsync(person, $"{person}?handler=Export", NoFields, withToken: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM audit_log WHERE action = 'participant.exported'"));

        // Erase: the person page leads to a confirmation; without the tick nothing happens; B cannot.
        using (var page = await a.GetAsync(person))
        {
            Assert.Contains($"{person}/erase", await page.Content.ReadAsStringAsync());
        }

        using (var unticked = await a.PostFormAsync($"{person}/erase", $"{person}/erase", NoFields))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unticked.StatusCode);
        }

        using (var foreign = await b.PostFormAsync("/console/people", $"{person}/erase", new Dictionary<string, string> { ["confirm"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        Assert.Equal("active", await TestSql.ScalarAsync<string>(database, $"SELECT status FROM participants WHERE id = '{data.MenteeA}'"));
        using (var erase = await a.PostFormAsync($"{person}/erase", $"{person}/erase", new Dictionary<string, string> { ["confirm"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, erase.StatusCode);
            Assert.Equal(person, erase.Headers.Location!.OriginalString);
        }

        using (var after = await a.GetAsync(person))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            var html = WebUtility.HtmlDecode(await after.Content.ReadAsStringAsync());
            Assert.Contains("Erased", html);
            Assert.Contains("The person is erased.", html);
            Assert.DoesNotContain(ConsoleTestData.MenteeNameA, html);
            Assert.DoesNotContain(ConsoleTestData.MenteePhoneA, html);
            Assert.DoesNotContain(ConsoleTestData.ArabicLine, html);
            Assert.DoesNotContain($"{person}/erase", html); // nothing left to erase
        }

        Assert.Equal(["erased", true, true], Assert.Single(await TestSql.RowsAsync(database, $"SELECT status, display_name IS NULL, phone IS NULL FROM participants WHERE id = '{data.MenteeA}'")));
        Assert.Equal([data.CoordinatorA, data.BranchA], Assert.Single(await TestSql.RowsAsync(database, "SELECT actor_id, branch_id FROM audit_log WHERE action = 'participant.erased'")));
    }

    [Fact]
    public async Task People_who_asked_to_be_erased_are_listed_for_their_coordinator()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await TestSql.ExecuteAsync(database, $"UPDATE participants SET status = 'erasure_requested' WHERE id IN ('{data.MenteeA}', '{data.MenteeB}')");
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var a = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA);

        var people = await (await a.GetAsync("/console/people")).Content.ReadAsStringAsync();
        Assert.Contains("1 asked to be erased", people);
        var requested = await (await a.GetAsync("/console/people?status=ErasureRequested")).Content.ReadAsStringAsync();
        Assert.Contains(data.MenteeA.ToString(), requested);
        Assert.DoesNotContain(data.MenteeB.ToString(), requested);
        var active = await (await a.GetAsync("/console/people?status=Active")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(data.MenteeA.ToString(), active);
    }

    [Fact]
    public async Task The_surveys_page_compares_start_and_end_for_her_branches_with_charts_and_a_CSV()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await ConsoleTestData.SeedSurveysAsync(database, data);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var a = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA);

        using (var page = await a.GetAsync("/console/surveys"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Contains("Clarity about career goals", html);
            Assert.Contains("2.00", html); // A's mean at start; B's (1.00) is not hers
            Assert.Contains("4.00", html);
            Assert.DoesNotContain("1.00", html);
            Assert.Contains("data-chart=", html);
            Assert.Contains("\"labels\":[\"Clarity about career goals\"]", html);
            Assert.Contains("<script src=\"/console/assets/chart.umd.js\"></script>", html);
            Assert.DoesNotContain("<script>", html);
        }

        using (var chart = await a.GetAsync("/console/assets/chart.umd.js"))
        {
            Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
            Assert.Contains("Chart", await chart.Content.ReadAsStringAsync());
        }

        using (var script = await a.GetAsync("/console/assets/surveys.js"))
        {
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }

        using (var backwards = await a.GetAsync("/console/surveys?From=2026-05-01&To=2026-01-01"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        }

        using var csv = await a.PostFormAsync("/console/surveys", "/console/surveys?handler=Csv", NoFields);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("survey-results-", csv.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("mentee,branch,indicator,start,end,change,start_completed_at,end_completed_at", lines[0]);
        Assert.Equal(2, lines.Length - 1); // her mentee's two indicators, not branch B's
        Assert.Contains(lines, l => l.StartsWith("mentee-001,", StringComparison.Ordinal) && l.Contains(",career_clarity,2,4,2,", StringComparison.Ordinal));

        var audited = (await TestSql.RowsAsync(database, "SELECT action, actor_id FROM audit_log WHERE action LIKE 'survey_results.%' ORDER BY id")).ToList();
        Assert.Equal(["survey_results.viewed", "survey_results.exported"], audited.Select(r => (string)r[0]!).Distinct().ToArray());
        Assert.All(audited, r => Assert.Equal(data.CoordinatorA, r[1]));
    }

    [Fact]
    public async Task Approving_through_the_console_starts_the_match_with_its_start_survey_and_refusals_keep_their_status()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        var pending = Guid.CreateVersion7();
        await using (var db = TestDb.Open(database))
        {
            var now = DateTimeOffset.UtcNow;
            Participant Person(ParticipantRole role, string name) => new()
            {
                BranchId = data.BranchA, Role = role, Track = Track.Women, PreferredLanguage = "da", DisplayName = name, Status = ParticipantStatus.Active, CreatedAt = now, UpdatedAt = now,
            };
            var mentee = Person(ParticipantRole.Mentee, "Sara");
            var mentor = Person(ParticipantRole.Mentor, "Lene");
            db.Participants.AddRange(mentee, mentor);
            db.Matches.Add(new Match { Id = pending, BranchId = data.BranchA, MenteeId = mentee.Id, MentorId = mentor.Id, Status = MatchStatus.PendingApproval, RequestedAt = now.AddDays(-1), RespondedAt = now });
            await db.SaveChangesAsync();
        }

        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var a = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA);
        using var b = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailB);
        var approve = new Dictionary<string, string> { ["matchId"] = pending.ToString() };

        using (var foreign = await b.PostFormAsync("/console/matches", "/console/matches?handler=Approve", approve))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var approved = await a.PostFormAsync("/console/matches", "/console/matches?handler=Approve", approve))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        Assert.Equal(["active", true, true], Assert.Single(await TestSql.RowsAsync(database,
            $"SELECT status, started_at IS NOT NULL, planned_end_at IS NOT NULL FROM matches WHERE id = '{pending}'")));
        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database,
            $"SELECT count(*) FROM scheduled_prompts WHERE match_id = '{pending}' AND kind = 'start_survey' AND status = 'scheduled'"));
        Assert.Equal(["pending_approval", "active", "coordinator", data.CoordinatorA], Assert.Single(await TestSql.RowsAsync(database,
            $"SELECT from_status, to_status, changed_by, actor_id FROM match_status_changes WHERE match_id = '{pending}'")));
        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM audit_log WHERE action = 'match.approved' AND subject_id = '{pending}'"));

        // Approving it again: the service refuses (409), shown on the page; nothing changes.
        using (var again = await a.PostFormAsync("/console/matches", "/console/matches?handler=Approve", approve))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("cannot change like that", await again.Content.ReadAsStringAsync());
        }

        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM audit_log WHERE action = 'match.approved'"));

        // The proposal page proposes, never applies.
        using (var proposal = await a.GetAsync("/console/matches/proposal"))
        {
            Assert.Equal(HttpStatusCode.OK, proposal.StatusCode);
            Assert.Contains("Nothing is ever applied by itself", WebUtility.HtmlDecode(await proposal.Content.ReadAsStringAsync()));
        }

        Assert.Equal(3L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM matches"));
    }
}
