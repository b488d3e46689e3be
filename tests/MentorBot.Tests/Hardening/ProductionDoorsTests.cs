using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Hardening;

/// <summary>
/// The app in Production closes what a test or a laptop opens: the SMS simulator, the embedded database, a
/// made-up Direct Line secret. Each case fails on the behaviour before issue 17.
/// </summary>
public sealed class ProductionDoorsTests(PostgresFixture postgres)
{
    static Dictionary<string, string?> Production(string database) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__MentorBot"] = database,
        ["Scheduler__Enabled"] = "false",
        ["DirectLine__Secret"] = WebChatTestEnvironment.Secret,
    };

    [Fact]
    public async Task Without_a_Twilio_account_Production_runs_web_chat_only_and_the_simulator_does_not_exist()
    {
        await using var bot = await BotProcess.ServeAsync(Production(await postgres.CreateDatabaseAsync()));
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        using var health = JsonDocument.Parse(await http.GetStringAsync("/health"));
        var twilio = health.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "twilio");
        Assert.StartsWith("SMS not configured", twilio.GetProperty("description").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/simulator/phone")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/simulator/phone/messages?number=%2B4520000001")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/simulator/phone/messages", new { from = "+4520000001", body = "STOP" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/simulator/twilio/2010-04-01/Accounts/AC1/Messages.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/api/twilio/sms", new FormUrlEncodedContent([new("Body", "hi")]))).StatusCode);

        // Web chat works.
        var grant = await WebChatTestEnvironment.PageTokenAsync(bot, "en");
        using var directLine = WebChatTestEnvironment.DirectLine(bot, grant.Token);
        Assert.Equal(HttpStatusCode.Created, (await directLine.PostAsync("conversations", null)).StatusCode);
    }

    [Fact]
    public async Task An_explicitly_enabled_simulator_in_Production_answers_the_machine_itself_only()
    {
        var environment = Production(await postgres.CreateDatabaseAsync());
        environment["TwilioSimulator__Enabled"] = "true";
        await using var bot = await BotProcess.ServeAsync(environment);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/simulator/phone")).StatusCode);
        foreach (var header in new[] { "X-Forwarded-For", "X-Real-IP", "Forwarded" })
        {
            using var proxied = new HttpRequestMessage(HttpMethod.Get, "/simulator/phone/messages?number=%2B4520000001");
            proxied.Headers.TryAddWithoutValidation(header, header == "Forwarded" ? "for=203.0.113.9" : "203.0.113.9");
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(proxied)).StatusCode);
        }
    }

    [Fact]
    public async Task Production_without_a_connection_string_stops_with_one_line_and_starts_no_database()
    {
        var environment = Production("");
        environment["EmbeddedDatabase__Directory"] = PostgresFixture.NewFolder("refused");
        await using var bot = BotProcess.Start(["--urls", "http://127.0.0.1:0"], environment);

        Assert.Equal(1, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("ConnectionStrings__MentorBot must be set in Production", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded PostgreSQL", bot.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(environment["EmbeddedDatabase__Directory"]), "no embedded cluster was made");
    }

    [Fact]
    public async Task Production_without_a_Direct_Line_secret_stops_with_one_line_naming_the_key()
    {
        var environment = Production(await postgres.CreateDatabaseAsync());
        environment.Remove("DirectLine__Secret");
        await using var bot = BotProcess.Start(["--urls", "http://127.0.0.1:0"], environment);

        Assert.Equal(1, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("DirectLine__Secret must be set in Production", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("generated a random Direct Line secret", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=54x2;Database=mentorbot;Password=hunter2-secret", "a typo in the port")]
    [InlineData("Host=127.0.0.1;Colour=blue;Password=hunter2-secret", "a keyword PostgreSQL does not have")]
    [InlineData("Host=127.0.0.1;Password=hunter2-secret;Timeout=-4", "a number out of range")]
    public async Task A_malformed_connection_string_ends_with_one_line_and_never_shows_the_password(string connectionString, string reason)
    {
        var environment = Production(connectionString);
        await using var bot = BotProcess.Start(["--urls", "http://127.0.0.1:0"], environment);

        Assert.Equal(1, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var output = bot.Output.Trim();
        Assert.StartsWith("ConnectionStrings__MentorBot is not a valid PostgreSQL connection string", output.Split('\n').Last());
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
        Assert.True(output.Split('\n').Length <= 2, $"{reason}: {output}");
    }
}
