using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MentorBot.Tests.Infrastructure;
using static MentorBot.Tests.Infrastructure.WebChatTestEnvironment;

namespace MentorBot.Tests.WebChat;

/// <summary>
/// Direct Line's posts are limited per conversation and per client address, its conversation starts per client
/// address: beyond a limit 429 with Retry-After and nothing stored, never a 5xx; the real client behind a configured
/// proxy counts on her own; a server holding the secret is not held to one address's allowance; ordinary use meets no limit.
/// </summary>
public sealed class DirectLineRateLimitTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Posts_beyond_a_conversations_or_an_addresss_allowance_and_starts_beyond_an_addresss_get_429_with_retry_after()
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = Settings(database);
        settings["DirectLineLimits__PostsPerConversation"] = "3";
        settings["DirectLineLimits__PostsPerAddress"] = "5";
        settings["DirectLineLimits__ConversationStartsPerAddress"] = "3";
        settings["DirectLineLimits__Window"] = "00:10:00";
        await using var bot = await BotProcess.ServeAsync(settings);

        // Per conversation: three posts, the fourth refused before it is read or stored.
        var first = await StartAsync(bot, forwardedFor: null);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [await PostAsync(bot, first, "1"), await PostAsync(bot, first, "2"), await PostAsync(bot, first, "3")]);
        await AssertRefusedAsync(await SendPostAsync(bot, first.Token, first.ConversationId, "4"));
        Assert.Equal(3, await InboundAsync(database, first.ConversationId));

        // Per address: her second conversation has room of its own, but the address has five posts in all.
        var second = await StartAsync(bot, forwardedFor: null);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [await PostAsync(bot, second, "1"), await PostAsync(bot, second, "2")]);
        await AssertRefusedAsync(await SendPostAsync(bot, second.Token, second.ConversationId, "3"));
        Assert.Equal(2, await InboundAsync(database, second.ConversationId));

        // A site's server holding the secret speaks for all its visitors: no per-address limit on its starts or posts.
        using var server = DirectLine(bot, Secret);
        using var opened = await server.PostAsync("conversations", JsonContent.Create(new { user = new { id = "site-user-1" } }));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var forServer = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
        using (var posted = await SendPostAsync(bot, Secret, forServer, "Hello"))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        // Starts per address: the third is allowed, the fourth is not, and a forwarded header from an unknown peer does not help.
        await StartAsync(bot, forwardedFor: null);
        var grant = await PageTokenAsync(bot, "en");
        using var starts = DirectLine(bot, grant.Token);
        using var refusedStart = new HttpRequestMessage(HttpMethod.Post, "conversations") { Content = JsonContent.Create(new { }) };
        refusedStart.Headers.Add("X-Forwarded-For", "203.0.113.77");
        await AssertRefusedAsync(await starts.SendAsync(refusedStart));
        Assert.Equal(0, await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM conversations WHERE channel_conversation_id = '{grant.ConversationId}'"));
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_real_client_has_her_own_allowance()
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = Settings(database);
        settings["Proxy__KnownProxies__0"] = "127.0.0.1";
        settings["DirectLineLimits__PostsPerAddress"] = "2";
        settings["DirectLineLimits__ConversationStartsPerAddress"] = "1";
        await using var bot = await BotProcess.ServeAsync(settings);

        var hers = await StartAsync(bot, forwardedFor: "203.0.113.1");
        await AssertRefusedAsync(await SendStartAsync(bot, (await PageTokenAsync(bot, "en")).Token, "203.0.113.1"));
        var another = await StartAsync(bot, forwardedFor: "198.51.100.2"); // behind the same proxy: her own start

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [await PostAsync(bot, hers, "1", "203.0.113.1"), await PostAsync(bot, hers, "2", "203.0.113.1")]);
        await AssertRefusedAsync(await SendPostAsync(bot, hers.Token, hers.ConversationId, "3", "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(bot, another, "1", "198.51.100.2"));
    }

    [Fact]
    public async Task Ordinary_use_from_one_address_meets_no_limit()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));

        // A classroom's worth of page loads from one address, and one of them answering twenty questions at once.
        var grants = new List<Grant>();
        for (var i = 0; i < 8; i++)
        {
            grants.Add(await StartAsync(bot, forwardedFor: null));
        }

        var statuses = new List<HttpStatusCode>();
        foreach (var answer in Enumerable.Range(1, 20))
        {
            statuses.Add(await PostAsync(bot, grants[0], answer.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(20, await InboundAsync(database, grants[0].ConversationId));
    }

    /// <summary>What the /chat page does: a token, then <c>POST conversations</c> with it (201: opened).</summary>
    static async Task<Grant> StartAsync(BotProcess bot, string? forwardedFor)
    {
        var grant = await PageTokenAsync(bot, "en");
        using var started = await SendStartAsync(bot, grant.Token, forwardedFor);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return grant;
    }

    static async Task<HttpResponseMessage> SendStartAsync(BotProcess bot, string token, string? forwardedFor)
    {
        using var http = DirectLine(bot, token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "conversations") { Content = JsonContent.Create(new { }) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await http.SendAsync(request);
    }

    static async Task<HttpStatusCode> PostAsync(BotProcess bot, Grant grant, string text, string? forwardedFor = null)
    {
        using var response = await SendPostAsync(bot, grant.Token, grant.ConversationId, text, forwardedFor);
        return response.StatusCode;
    }

    static async Task<HttpResponseMessage> SendPostAsync(BotProcess bot, string credential, string conversationId, string text, string? forwardedFor = null)
    {
        using var http = DirectLine(bot, credential);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"conversations/{conversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", from = new { id = "user" }, text }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await http.SendAsync(request);
    }

    static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 600);
            Assert.Equal("TooManyRequests", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        }
    }

    static Task<long> InboundAsync(string database, string conversationId) => TestSql.ScalarAsync<long>(database, $"""
        SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE c.channel_conversation_id = '{conversationId}' AND m.direction = 'inbound'
        """);
}
