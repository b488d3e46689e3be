using System.Net;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Hardening;

/// <summary>
/// MentorBot behind a TLS-terminating proxy: it believes X-Forwarded-For and X-Forwarded-Proto from a configured
/// proxy only, so the login limit counts per real client; HSTS on https; https-only cookies in Production; and
/// security headers on every route, with a hash-based script policy for /chat.
/// </summary>
public sealed class BehindAProxyTests(PostgresFixture postgres)
{
    static async Task<HttpStatusCode> LoginAttemptAsync(HttpClient http, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/login")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", "nobody@example.org"), new("Input.Password", "not a password at all")]),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_configured_proxy_the_login_limit_counts_each_real_client_on_its_own()
    {
        var environment = WebChatTestEnvironment.Settings(await postgres.CreateDatabaseAsync());
        environment["Proxy__KnownProxies__0"] = "127.0.0.1";
        environment["Console__LoginAttemptsPerMinute"] = "2";
        await using var bot = await BotProcess.ServeAsync(environment);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginAttemptAsync(http, "203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginAttemptAsync(http, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAttemptAsync(http, "203.0.113.1"));
        // Another person behind the same proxy still gets her attempts (before: all shared the proxy's address).
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginAttemptAsync(http, "198.51.100.2"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_client_cannot_pick_a_fresh_address_per_attempt()
    {
        var environment = WebChatTestEnvironment.Settings(await postgres.CreateDatabaseAsync());
        environment["Console__LoginAttemptsPerMinute"] = "2";
        await using var bot = await BotProcess.ServeAsync(environment);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginAttemptAsync(http, "203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await LoginAttemptAsync(http, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAttemptAsync(http, "203.0.113.3"));
    }

    [Fact]
    public async Task Https_through_the_proxy_gets_HSTS_and_a_forged_scheme_from_elsewhere_does_not()
    {
        var database = await postgres.CreateDatabaseAsync();
        var trusting = WebChatTestEnvironment.Settings(database);
        trusting["Proxy__KnownNetworks__0"] = "127.0.0.0/8";
        await using (var bot = await BotProcess.ServeAsync(trusting))
        {
            using var response = await HealthOverHttpsAsync(bot);
            Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS through the trusted proxy");
        }

        await using (var bot = await BotProcess.ServeAsync(WebChatTestEnvironment.Settings(database)))
        {
            using var response = await HealthOverHttpsAsync(bot);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), "X-Forwarded-Proto from an unknown peer is ignored");
        }

        static async Task<HttpResponseMessage> HealthOverHttpsAsync(BotProcess bot)
        {
            using var http = new HttpClient { BaseAddress = bot.BaseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
            request.Headers.Host = "bot.example.dk"; // HSTS is never sent for localhost
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.1");
            return await http.SendAsync(request);
        }
    }

    [Fact]
    public async Task Every_route_has_the_security_headers_and_chat_allows_only_its_own_hashed_script()
    {
        await using var bot = await BotProcess.ServeAsync(WebChatTestEnvironment.Settings(await postgres.CreateDatabaseAsync()));
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        foreach (var path in new[] { "/health", "/chat", "/console/login", "/no/such/page", "/v3/directline/conversations", "/api/twilio/sms" })
        {
            using var response = await http.GetAsync(path);
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{path}: nosniff");
            var policy = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : "";
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        }

        using var chat = await http.GetAsync("/chat");
        var chatPolicy = chat.Headers.GetValues("Content-Security-Policy").Single();
        var scripts = chatPolicy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));
        Assert.Contains("'sha256-", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scripts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Production_the_console_cookies_are_https_only()
    {
        var environment = WebChatTestEnvironment.Settings(await postgres.CreateDatabaseAsync());
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Proxy__KnownProxies__0"] = "127.0.0.1";
        await using var bot = await BotProcess.ServeAsync(environment);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = bot.BaseAddress };

        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.1");
        using var login = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }
}
