using System.Net;
using System.Text.RegularExpressions;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.CoordinatorConsole;

/// <summary>The console's doors: lockout, anti-forgery, the login rate limit, and two-factor for admins.</summary>
public sealed partial class ConsoleLoginTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var client = new ConsoleClient(bot.BaseAddress);

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.LoginAsync(ConsoleTestData.EmailA, "not the password " + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode); // the form again, with its error
        }

        using var right = await client.LoginAsync(ConsoleTestData.EmailA, ConsoleTestData.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        var lockoutEnd = await TestSql.ScalarAsync<DateTime>(database, $"SELECT lockout_end FROM coordinators WHERE id = '{data.CoordinatorA}'");
        Assert.True(lockoutEnd > DateTime.UtcNow.AddMinutes(10));
        Assert.DoesNotContain(ConsoleTestData.EmailA, bot.Output); // no e-mail in the log
        using var dashboard = await client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Fact]
    public async Task A_post_without_its_anti_forgery_token_is_refused()
    {
        var database = await postgres.CreateDatabaseAsync();
        var data = await ConsoleTestData.SeedAsync(database);
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));

        using var anonymous = new ConsoleClient(bot.BaseAddress);
        using var login = await anonymous.PostFormAsync("/console/login", "/console/login",
            new Dictionary<string, string> { ["Email"] = ConsoleTestData.EmailA, ["Password"] = ConsoleTestData.Password }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);

        using var client = await ConsoleAuthorizationTests.SignedInAsync(bot, ConsoleTestData.EmailA);
        using var takeOver = await client.PostFormAsync("", $"/console/people/{data.MenteeA}?handler=TakeOver", new Dictionary<string, string>(), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, takeOver.StatusCode);
        Assert.Equal("requested", await TestSql.ScalarAsync<string>(database, $"SELECT status FROM handovers WHERE participant_id = '{data.MenteeA}'"));
    }

    [Fact]
    public async Task Login_attempts_beyond_the_limit_per_minute_get_429()
    {
        var database = await postgres.CreateDatabaseAsync();
        await ConsoleTestData.SeedAsync(database);
        var settings = ConsoleTestData.Settings(database);
        settings["Console__LoginAttemptsPerMinute"] = "3";
        await using var bot = await BotProcess.ServeAsync(settings);
        using var client = new ConsoleClient(bot.BaseAddress);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.LoginAsync("nobody@example.org", "wrong password!");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var form = await client.GetAsync("/console/login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode); // reading the form is not limited
    }

    [Fact]
    public async Task An_admin_without_two_factor_is_sent_to_enrol_first_and_afterwards_needs_the_code_to_log_in()
    {
        var database = await postgres.CreateDatabaseAsync();
        await ConsoleTestData.SeedAsync(database, adminHasTwoFactor: false);
        await TestSql.ExecuteAsync(database, "UPDATE coordinators SET authenticator_key = NULL");
        await using var bot = await BotProcess.ServeAsync(ConsoleTestData.Settings(database));
        using var client = new ConsoleClient(bot.BaseAddress);

        using (var login = await client.LoginAsync(ConsoleTestData.AdminEmail, ConsoleTestData.Password))
        {
            Assert.Equal("/console", login.Headers.Location!.OriginalString);
        }

        foreach (var path in new[] { "/console", "/console/people", "/console/audit" })
        {
            using var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/console/account/two-factor", refused.Headers.Location!.OriginalString);
        }

        using var enrol = await client.GetAsync("/console/account/two-factor");
        var page = await enrol.Content.ReadAsStringAsync();
        var key = Secret().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key), page);

        using (var wrong = await client.PostFormAsync("/console/account/two-factor", "/console/account/two-factor", new Dictionary<string, string> { ["code"] = "000000" }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using (var verified = await client.PostFormAsync("/console/account/two-factor", "/console/account/two-factor", new Dictionary<string, string> { ["code"] = Totp.Code(key) }))
        {
            Assert.Equal("/console", verified.Headers.Location!.OriginalString);
        }

        using (var dashboard = await client.GetAsync("/console"))
        {
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        }

        // The next login asks for the code.
        using var fresh = new ConsoleClient(bot.BaseAddress);
        using (var password = await fresh.LoginAsync(ConsoleTestData.AdminEmail, ConsoleTestData.Password))
        {
            Assert.StartsWith("/console/login/two-factor", password.Headers.Location!.OriginalString);
        }

        using (var noCode = await fresh.GetAsync("/console"))
        {
            Assert.Equal(HttpStatusCode.Redirect, noCode.StatusCode);
            Assert.StartsWith("/console/login", noCode.Headers.Location!.AbsolutePath);
        }

        using var again = new ConsoleClient(bot.BaseAddress);
        using (var withCode = await again.LoginAsync(ConsoleTestData.AdminEmail, ConsoleTestData.Password, key))
        {
            Assert.Equal("/console", withCode.Headers.Location!.OriginalString);
        }
    }

    [GeneratedRegex("secret=([A-Z2-7]+)&amp;")]
    private static partial Regex Secret();
}
