using System.Net;
using System.Net.Http.Json;
using MentorBot.Bot.Channels.WebChat;
using MentorBot.Tests.Infrastructure;
using static MentorBot.Tests.Infrastructure.WebChatTestEnvironment;

namespace MentorBot.Tests.WebChat;

/// <summary>The /chat page's anonymous token endpoint is rate limited per client address: 429 with Retry-After.</summary>
public sealed class TokenRateLimitTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Too_many_tokens_from_one_address_get_429_with_retry_after_and_a_forged_forwarded_header_does_not_help()
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(Settings(database)) { ["WebChatTokenLimit__PermitLimit"] = "3", ["WebChatTokenLimit__Window"] = "00:10:00" };
        await using var bot = await BotProcess.ServeAsync(settings);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var granted = await PostTokenAsync(http, forwardedFor: null);
            statuses.Add(granted.StatusCode);
        }

        using var refused = await PostTokenAsync(http, forwardedFor: "203.0.113.9"); // no proxy configured: the header is ignored

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/chat")).StatusCode); // the page itself is not limited
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_allowance()
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(Settings(database))
        {
            ["WebChatTokenLimit__PermitLimit"] = "2", ["WebChatTokenLimit__ClientAddressHeader"] = "X-Forwarded-For",
        };
        await using var bot = await BotProcess.ServeAsync(settings);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        // The proxy appends the address it saw: the right-most one counts, whatever the client put before it.
        var first = new[] { await StatusAsync(http, "10.0.0.1"), await StatusAsync(http, "1.2.3.4, 10.0.0.1"), await StatusAsync(http, "5.6.7.8, 10.0.0.1") };
        var second = await StatusAsync(http, "10.0.0.2");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, second);
    }

    static async Task<HttpStatusCode> StatusAsync(HttpClient http, string forwardedFor)
    {
        using var response = await PostTokenAsync(http, forwardedFor);
        return response.StatusCode;
    }

    static Task<HttpResponseMessage> PostTokenAsync(HttpClient http, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebChatPageEndpoints.TokenPath) { Content = JsonContent.Create(new { locale = "da" }) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return http.SendAsync(request);
    }
}
