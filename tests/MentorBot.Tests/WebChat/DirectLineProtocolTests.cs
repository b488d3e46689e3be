using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using MentorBot.Tests.Infrastructure;
using static MentorBot.Tests.Infrastructure.WebChatTestEnvironment;

namespace MentorBot.Tests.WebChat;

/// <summary>Direct Line's refusals and rules, over real HTTP: each misuse gets its 4xx and changes nothing.</summary>
public sealed class DirectLineProtocolTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_token_opens_only_its_own_conversation()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        var mine = await StartAsync(bot, "da");
        var hers = await StartAsync(bot, "da");
        using var http = DirectLine(bot, mine.Token);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"conversations/{hers.ConversationId}/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"conversations/{hers.ConversationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync($"conversations/{hers.ConversationId}/activities", Message("hej"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("tokens/generate", null)).StatusCode); // only the secret mints tokens

        var stream = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(StreamUrl(bot, hers.ConversationId, mine.Token)));
        Assert.Contains("403", stream.Message, StringComparison.Ordinal);

        // Her conversation still holds only her greeting.
        using var herHttp = DirectLine(bot, hers.Token);
        var activities = await (await herHttp.GetAsync($"conversations/{hers.ConversationId}/activities")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(activities.GetProperty("activities").EnumerateArray(), a => Assert.Equal("bot", a.GetProperty("from").GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Expired_forged_and_missing_credentials_are_refused()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        var conversation = await StartAsync(bot, "da");
        var expired = Tokens(new FixedClock(DateTimeOffset.UtcNow.AddHours(-2))).Issue(conversation.ConversationId, "dl_someone", null);
        var forged = Tokens(TimeProvider.System, secret: "not-the-secret").Issue(conversation.ConversationId, "dl_someone", null);

        using (var withExpired = DirectLine(bot, expired))
        {
            using var response = await withExpired.GetAsync($"conversations/{conversation.ConversationId}/activities");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("TokenExpired", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, (await withExpired.PostAsync("tokens/refresh", null)).StatusCode);
        }

        using (var withForged = DirectLine(bot, forged))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await withForged.GetAsync($"conversations/{conversation.ConversationId}/activities")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await withForged.PostAsync("conversations", null)).StatusCode);
        }

        using var anonymous = DirectLine(bot, null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("conversations", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"conversations/{conversation.ConversationId}/activities")).StatusCode);
    }

    [Fact]
    public async Task Malformed_oversized_and_unsupported_activities_get_a_4xx()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        var conversation = await StartAsync(bot, "da");
        using var http = DirectLine(bot, conversation.Token);
        var activities = $"conversations/{conversation.ConversationId}/activities";

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(activities, Json("{not json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(activities, Json("[1, 2]"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(activities, Json("""{"text": "no type"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(activities, Json("""{"type": "message"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(activities, Json("""{"type": "message", "text": 42}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(activities, Json("""{"type": "event", "name": "x"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await http.PostAsync(activities, Message(new string('a', 300 * 1024)))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await http.PostAsync(activities, Json("""{"type": "message", "text": "cv", "attachments": [{"contentType": "image/png", "contentUrl": "x"}]}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await http.PostAsync($"conversations/{conversation.ConversationId}/upload?userId=dl_x", new ByteArrayContent([1, 2, 3]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"{activities}?watermark=banana")).StatusCode);

        // Nothing of that was stored: only the greeting is there.
        var set = await (await http.GetAsync(activities)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(set.GetProperty("activities").EnumerateArray(), a => Assert.Equal("bot", a.GetProperty("from").GetProperty("role").GetString()));
    }

    [Fact]
    public async Task A_message_text_over_the_bound_is_refused_with_413_and_nothing_is_stored()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        var conversation = await StartAsync(bot, "ar");
        using var http = DirectLine(bot, conversation.Token);
        var activities = $"conversations/{conversation.ConversationId}/activities";

        // 200 K characters fit the 256 KB bound on the activity's bytes; the bound on its text refuses them.
        using var huge = await http.PostAsync(activities, Message(new string('a', 200 * 1024)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        var error = (await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal(("MessageSizeTooBig", "A message text may be at most 4000 characters."), (error.GetProperty("code").GetString(), error.GetProperty("message").GetString()));
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM messages WHERE direction = 'inbound'"));

        // At the bound it is her message: stored and answered (here by the welcome, asked again with ar, fa, ur first).
        using var long4000 = await http.PostAsync(activities, Message(new string('ب', 4000)));
        Assert.Equal(HttpStatusCode.OK, long4000.StatusCode);
        Assert.Equal(4000, await TestSql.ScalarAsync<int>(database, "SELECT length(text) FROM messages WHERE direction = 'inbound'"));
    }

    [Fact]
    public async Task The_secret_opens_conversations_and_unknown_ones_are_404()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        using var server = DirectLine(bot, Secret);

        using var generated = await server.PostAsync("tokens/generate", JsonContent.Create(new { user = new { id = "dl_from_server" } }));
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var grant = await generated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(grant.GetProperty("expires_in").GetInt32() > 0);

        // The generated token starts its conversation once (201), then answers 200 for the same one.
        using var client = DirectLine(bot, grant.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("conversations", JsonContent.Create(new { user = new { } }))).StatusCode);
        using var again = await client.PostAsync("conversations", JsonContent.Create(new { user = new { } }));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(grant.GetProperty("conversationId").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString());

        using var refreshed = await client.PostAsync("tokens/refresh", null);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await server.GetAsync("conversations/no-such-conversation/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.GetAsync("conversations/no-such-conversation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.PostAsync("conversations/no-such-conversation/activities", Message("hej"))).StatusCode);
    }

    [Fact]
    public async Task A_retried_post_is_answered_once_and_every_answer_carries_a_watermark()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        var conversation = await StartAsync(bot, "da");
        using var http = DirectLine(bot, conversation.Token);
        var activities = $"conversations/{conversation.ConversationId}/activities";

        var greeting = await (await http.GetAsync($"{activities}?watermark=")).Content.ReadFromJsonAsync<JsonElement>();
        var watermark = greeting.GetProperty("watermark").GetString();
        var nothingNew = await (await http.GetAsync($"{activities}?watermark={watermark}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, nothingNew.GetProperty("activities").GetArrayLength());
        Assert.Equal(watermark, nothingNew.GetProperty("watermark").GetString());

        const string post = """{"type": "message", "from": {"id": "x"}, "text": "2", "channelData": {"clientActivityID": "retry-me"}}""";
        var first = await (await http.PostAsync(activities, Json(post))).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await http.PostAsync(activities, Json(post))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());

        var turn = await (await http.GetAsync($"{activities}?watermark={watermark}")).Content.ReadFromJsonAsync<JsonElement>();
        var sets = turn.GetProperty("activities").EnumerateArray().ToList();
        var echo = Assert.Single(sets, a => a.GetProperty("from").GetProperty("role").GetString() == "user");
        Assert.Equal(first.GetProperty("id").GetString(), echo.GetProperty("id").GetString());
        Assert.Equal("retry-me", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Contains(sets, a => a.GetProperty("from").GetProperty("role").GetString() == "bot");
        Assert.NotEqual(watermark, turn.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task Health_says_the_node_listens_for_web_chat_activities()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        var webchat = health.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "webchat");
        Assert.Equal("healthy", webchat.GetProperty("status").GetString()); // listening, and the page's bundle was built
        Assert.Contains("/chat", webchat.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    static async Task<Grant> StartAsync(BotProcess bot, string locale)
    {
        var grant = await PageTokenAsync(bot, locale);
        using var http = DirectLine(bot, grant.Token);
        using var started = await http.PostAsync("conversations", JsonContent.Create(new { user = new { } }));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return grant;
    }

    static string StreamUrl(BotProcess bot, string conversationId, string token) =>
        $"ws://{bot.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}";

    static async Task ConnectAsync(string url)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url), CancellationToken.None);
    }

    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    static StringContent Message(string text) => Json(JsonSerializer.Serialize(new { type = "message", from = new { id = "x" }, text }));
}
