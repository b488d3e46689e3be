using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MentorBot.Bot.Testing;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>
/// The admins' accounts page over HTTP to the real app: a new account and its one-time, expiring setup link; a
/// disabled account's open session refused on its next request; two-factor reset; every change audited.
/// </summary>
public sealed partial class AccountAdministrationTests(PostgresFixture postgres)
{
    const string NewEmail = "nadia@branch-a.example";
    const string NewPassword = "a long and new passphrase";

    [Fact]
    public async Task An_admin_creates_an_account_whose_setup_link_sets_her_password_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var admin = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.AdminEmail, ConsoleTestData.AdminKey);

        var (id, link) = await CreateAccountAsync(admin, data.BranchA);
        using var nadia = new ConsoleClient(bot.BaseAddress);
        using (var form = await nadia.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            var html = await form.Content.ReadAsStringAsync();
            Assert.DoesNotContain("id=\"setup-outcome\"", html);
            Assert.Contains("name=\"__RequestVerificationToken\"", html); // the form a browser sends
            Assert.Contains("id=\"password\"", html);
        }

        // Two different passwords: refused, and the link still works.
        Assert.Equal("PasswordRefused", await SetPasswordAsync(nadia, link, NewPassword, NewPassword + "x"));
        Assert.Equal("Done", await SetPasswordAsync(nadia, link, NewPassword, NewPassword));
        Assert.Equal("Invalid", await SetPasswordAsync(nadia, link, "another long passphrase", "another long passphrase"));
        using (var used = await nadia.GetAsync(link))
        {
            Assert.Contains("data-outcome=\"Invalid\"", await used.Content.ReadAsStringAsync());
        }

        // She signs in with the password she chose, and sees branch A only.
        using (var login = await nadia.LoginAsync(NewEmail, NewPassword))
        {
            Assert.Equal("/console", login.Headers.Location!.OriginalString);
        }

        using (var own = await nadia.GetAsync($"/console/people/{data.MenteeA}"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using (var other = await nadia.GetAsync($"/console/people/{data.MenteeB}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        // A new link replaces the one before it.
        var second = await NewSetupLinkAsync(admin, id);
        var third = await NewSetupLinkAsync(admin, id);
        using (var replaced = await nadia.GetAsync(second))
        {
            Assert.DoesNotContain("id=\"password\"", await replaced.Content.ReadAsStringAsync());
        }

        Assert.Equal("Done", await SetPasswordAsync(nadia, third, "her third passphrase", "her third passphrase"));

        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM coordinator_setup_links WHERE token_hash = '{token}'"));
        Assert.Equal(
            ["coordinator.created", "coordinator.setup_link_issued", "coordinator.setup_link_used", "coordinator.setup_link_issued", "coordinator.setup_link_issued", "coordinator.setup_link_used"],
            await ActionsAsync(database, id));
    }

    [Fact]
    public async Task A_setup_link_expires_on_the_apps_clock()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        var settings = ConsoleTestData.Settings(database);
        settings["TestClock__Enabled"] = "true";
        settings["TestClockAccess__Secret"] = ClockSecret;
        settings["Console__SetupLinkLifetime"] = "2.00:00:00";
        await using var bot = await BotProcess.ServeAsync(settings);
        using var admin = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.AdminEmail, ConsoleTestData.AdminKey);
        var (id, link) = await CreateAccountAsync(admin, data.BranchA);
        using var nadia = new ConsoleClient(bot.BaseAddress);

        await AdvanceClockAsync(bot, "P1DT23H");
        using (var stillGood = await nadia.GetAsync(link))
        {
            Assert.DoesNotContain("id=\"setup-outcome\"", await stillGood.Content.ReadAsStringAsync());
        }

        await AdvanceClockAsync(bot, "PT2H");
        using (var expired = await nadia.GetAsync(link))
        {
            Assert.Contains("data-outcome=\"Expired\"", await expired.Content.ReadAsStringAsync());
        }

        Assert.Equal("Expired", await SetPasswordAsync(nadia, link, NewPassword, NewPassword));
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM coordinators WHERE id = '{id}' AND password_hash IS NOT NULL"));
    }

    [Fact]
    public async Task A_disabled_accounts_open_session_is_refused_on_its_next_request_and_she_cannot_sign_in_again()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var admin = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.AdminEmail, ConsoleTestData.AdminKey);
        using var anna = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA);
        using (var before = await anna.GetAsync($"/console/people/{data.MenteeA}"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var account = $"/console/accounts/{data.CoordinatorA}";
        using (var disable = await admin.PostFormAsync(account, account + "?handler=Disable", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        }

        using (var next = await anna.GetAsync($"/console/people/{data.MenteeA}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
            Assert.StartsWith("/console/login", next.Headers.Location!.AbsolutePath);
        }

        using var fresh = new ConsoleClient(bot.BaseAddress);
        using (var login = await fresh.LoginAsync(ConsoleTestData.EmailA, ConsoleTestData.Password))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Contains("id=\"login-error\"", await login.Content.ReadAsStringAsync());
        }

        // An admin can't disable herself (the last admin would lock everyone out), and the page says so.
        var own = $"/console/accounts/{data.Admin}";
        using (var self = await admin.PostFormAsync(own, own + "?handler=Disable", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, self.StatusCode);
        }

        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM coordinators WHERE id = '{data.Admin}' AND disabled_at IS NOT NULL"));

        // Enabled again, she signs in.
        using (var enable = await admin.PostFormAsync(account, account + "?handler=Enable", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        }

        using var back = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA);
        Assert.Equal(["coordinator.disabled", "coordinator.enabled"], await ActionsAsync(database, data.CoordinatorA));
        var actors = await TestSql.RowsAsync(database, $"SELECT DISTINCT actor_id FROM audit_log WHERE subject_kind = 'coordinator' AND subject_id = '{data.CoordinatorA}'");
        Assert.Equal(data.Admin, (Guid)Assert.Single(actors)[0]);
    }

    [Fact]
    public async Task An_admin_changes_role_and_branches_and_resets_two_factor_which_ends_her_session()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await TestSql.ExecuteAsync(database, $"UPDATE coordinators SET two_factor_enabled = true, authenticator_key = '{ConsoleTestData.AdminKey}' WHERE id = '{data.CoordinatorB}'");
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var admin = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.AdminEmail, ConsoleTestData.AdminKey);
        using var berit = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailB, ConsoleTestData.AdminKey);

        // Branch A as well as B: her open session sees A's mentee at once.
        var account = $"/console/accounts/{data.CoordinatorB}";
        using (var access = await admin.PostFormAsync(account, account + "?handler=Access", new Dictionary<string, string>
        {
            ["role"] = "Coordinator", ["branchIds"] = data.BranchA.ToString(),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, access.StatusCode);
        }

        using (var nowA = await berit.GetAsync($"/console/people/{data.MenteeA}"))
        {
            Assert.Equal(HttpStatusCode.OK, nowA.StatusCode);
        }

        using (var notB = await berit.GetAsync($"/console/people/{data.MenteeB}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notB.StatusCode);
        }

        using (var reset = await admin.PostFormAsync(account, account + "?handler=ResetTwoFactor", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        using (var next = await berit.GetAsync("/console"))
        {
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        }

        Assert.False(await TestSql.ScalarAsync<bool>(database, $"SELECT two_factor_enabled OR authenticator_key IS NOT NULL FROM coordinators WHERE id = '{data.CoordinatorB}'"));
        using var again = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailB); // no code asked any more
        Assert.Equal(["coordinator.access_changed", "coordinator.two_factor_reset"], await ActionsAsync(database, data.CoordinatorB));
    }

    const string ClockSecret = "accounts-test-clock-secret";

    static async Task<(Guid Id, string Link)> CreateAccountAsync(ConsoleClient admin, Guid branch)
    {
        using var created = await admin.PostFormAsync("/console/accounts", "/console/accounts", new Dictionary<string, string>
        {
            ["Email"] = NewEmail, ["DisplayName"] = "Nadia", ["Role"] = "Coordinator", ["Language"] = "en", ["BranchIds"] = branch.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(page[(page.LastIndexOf('/') + 1)..]);
        return (id, await ShownLinkAsync(admin, page));
    }

    static async Task<string> NewSetupLinkAsync(ConsoleClient admin, Guid id)
    {
        var page = $"/console/accounts/{id}";
        using var issued = await admin.PostFormAsync(page, page + "?handler=SetupLink", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        return await ShownLinkAsync(admin, page);
    }

    /// <summary>The link on her page, as a path; shown once: the next view of the page no longer has it.</summary>
    static async Task<string> ShownLinkAsync(ConsoleClient admin, string page)
    {
        using var shown = await admin.GetAsync(page);
        var link = Link().Match(await shown.Content.ReadAsStringAsync());
        Assert.True(link.Success, "no setup link on the account page");
        using var again = await admin.GetAsync(page);
        Assert.DoesNotMatch(Link(), await again.Content.ReadAsStringAsync());
        return new Uri(link.Groups[1].Value).AbsolutePath;
    }

    static async Task<string> SetPasswordAsync(ConsoleClient client, string link, string password, string confirmation)
    {
        // The anti-forgery token from the login page: a used or expired link's page has no form to take it from.
        using var response = await client.PostFormAsync("/console/login", link, new Dictionary<string, string> { ["Password"] = password, ["Confirmation"] = confirmation });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Outcome().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    static async Task AdvanceClockAsync(BotProcess bot, string duration)
    {
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        http.DefaultRequestHeaders.Add(TestClockAccessOptions.Header, ClockSecret);
        using var moved = await http.PostAsJsonAsync(TestClockEndpoints.Path, new { advance = duration });
        Assert.True(moved.IsSuccessStatusCode, $"moving the clock: {(int)moved.StatusCode}");
    }

    static async Task<string[]> ActionsAsync(string database, Guid coordinator) =>
        [.. (await TestSql.RowsAsync(database, $"SELECT action FROM audit_log WHERE subject_kind = 'coordinator' AND subject_id = '{coordinator}' ORDER BY id")).Select(r => (string)r[0])];

    [GeneratedRegex("id=\"setup-link\">(http[^<]+)<")]
    private static partial Regex Link();

    [GeneratedRegex("data-outcome=\"([A-Za-z]+)\"")]
    private static partial Regex Outcome();
}
