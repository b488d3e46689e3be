using System.Net;
using MentorBot.Bot.Coordinator;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Hardening;

/// <summary>
/// In Production the console's cookies are https-only. Reached over plain http (no proxy, or one not configured), its
/// login page and login form answered 500: antiforgery threw on a non-https request. Now a 403 says what to do.
/// </summary>
public sealed class ConsoleOverPlainHttpTests(PostgresFixture postgres)
{
    [Fact]
    public async Task In_Production_the_console_over_plain_http_is_refused_with_a_403_that_says_why_never_a_500()
    {
        var environment = WebChatTestEnvironment.Settings(await postgres.CreateDatabaseAsync());
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        await using var bot = await BotProcess.ServeAsync(environment);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = bot.BaseAddress };

        using var page = await http.GetAsync("/console/login");
        using var form = await http.PostAsync("/console/login", new FormUrlEncodedContent([new("Input.Email", "admin@example.org"), new("Input.Password", "a password typed in clear")]));
        using var home = await http.GetAsync("/console");
        // A forwarded scheme from a peer that is not a configured proxy does not count.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/console/login");
        forged.Headers.Add("X-Forwarded-Proto", "https");
        using var forgedAnswer = await http.SendAsync(forged);

        foreach (var response in new[] { page, form, home, forgedAnswer })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(ConsoleHttpsRequirement.Refusal, await response.Content.ReadAsStringAsync());
            Assert.False(response.Headers.Contains("Set-Cookie"), "no cookie is handed out over plain http");
        }

        Assert.DoesNotContain("InvalidOperationException", bot.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/chat")).StatusCode); // the rest of the app is not the console's business
    }
}
