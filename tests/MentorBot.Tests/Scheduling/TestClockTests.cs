using System.Net;
using System.Net.Http.Json;
using System.Text;
using MentorBot.Bot.Testing;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Scheduling;

/// <summary>
/// The app's test clock (<c>TestClock__Enabled</c>) over real HTTP: absent unless asked for, refused in
/// Production, forward only, answered to the machine itself only and only with its shared secret.
/// </summary>
public sealed class TestClockTests(PostgresFixture postgres)
{
    const string ClockSecret = "test-clock-shared-secret";

    static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    sealed record Reading(DateTimeOffset Now, string Offset);

    [Fact]
    public async Task Without_the_setting_there_is_no_clock_endpoint()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = TwilioTestEnvironment.Simulator(database);
        environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        await using var bot = await BotProcess.ServeAsync(environment);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/testing/clock")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/testing/clock", new { advance = "PT6H" })).StatusCode);
        Assert.DoesNotContain("TEST CLOCK ON", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_test_clock_is_refused_in_Production_with_a_message()
    {
        var environment = await ClockEnvironmentAsync("Production");
        await using var bot = BotProcess.Start(["--urls", "http://127.0.0.1:0"], environment);

        Assert.Equal(1, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("TestClock__Enabled=true is refused in the Production environment", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_test_clock_starts_where_asked_moves_forward_only_and_refuses_bad_moves()
    {
        var environment = await ClockEnvironmentAsync("Testing");
        environment["TestClock__Start"] = Start.ToString("O");
        await using var bot = await BotProcess.ServeAsync(environment);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        http.DefaultRequestHeaders.Add(TestClockAccessOptions.Header, ClockSecret);
        Assert.Contains("TEST CLOCK ON", bot.Output, StringComparison.Ordinal);

        var first = await http.GetFromJsonAsync<Reading>("/testing/clock");
        Assert.InRange(first!.Now, Start, Start.AddMinutes(5)); // it runs on from where it started

        var advanced = await ReadAsync(await http.PostAsJsonAsync("/testing/clock", new { advance = "PT6H" }));
        Assert.InRange(advanced.Now, first.Now.AddHours(6), first.Now.AddHours(6).AddMinutes(5));

        var target = advanced.Now.AddDays(40);
        var moved = await ReadAsync(await http.PostAsJsonAsync("/testing/clock", new { to = target }));
        Assert.InRange(moved.Now, target, target.AddMinutes(1));

        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync("/testing/clock", new { to = Start })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync("/testing/clock", new { advance = "-PT1H" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/testing/clock", new { advance = "P1M" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/testing/clock", new { advance = "six hours" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("/testing/clock", new { advance = "PT1H", to = target })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/testing/clock", new StringContent("{not json", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.True((await http.GetFromJsonAsync<Reading>("/testing/clock"))!.Now >= target, "a refused move moved nothing back");

        // Through a proxy on the same machine the caller is not the machine itself.
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/testing/clock");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(forwarded)).StatusCode);

        // nginx's usual header alone: today's check took this for the machine itself.
        using var realIp = new HttpRequestMessage(HttpMethod.Post, "/testing/clock") { Content = JsonContent.Create(new { advance = "PT1H" }) };
        realIp.Headers.Add("X-Real-IP", "203.0.113.7");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(realIp)).StatusCode);

        // From the machine itself, without the secret or with a wrong one.
        using var anonymous = new HttpClient { BaseAddress = bot.BaseAddress };
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/testing/clock")).StatusCode);
        anonymous.DefaultRequestHeaders.Add(TestClockAccessOptions.Header, ClockSecret + "x");
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync("/testing/clock", new { advance = "PT1H" })).StatusCode);
        Assert.Contains("Test clock moved from", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_test_clock_without_a_shared_secret_stops_the_app_with_one_line()
    {
        var environment = await ClockEnvironmentAsync("Testing");
        environment.Remove("TestClockAccess__Secret");
        await using var bot = BotProcess.Start(["--urls", "http://127.0.0.1:0"], environment);

        Assert.Equal(1, await bot.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("TestClock__Enabled=true needs TestClockAccess__Secret", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output, StringComparison.Ordinal);
    }

    async Task<Dictionary<string, string?>> ClockEnvironmentAsync(string environmentName)
    {
        var environment = TwilioTestEnvironment.Simulator(await postgres.CreateDatabaseAsync());
        environment["TestClock__Enabled"] = "true";
        environment["TestClockAccess__Secret"] = ClockSecret;
        environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        return environment;
    }

    static async Task<Reading> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Reading>())!;
    }
}
