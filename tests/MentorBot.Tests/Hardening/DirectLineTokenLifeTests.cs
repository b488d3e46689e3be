using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using MentorBot.Bot.Channels.WebChat;
using MentorBot.Bot.Privacy;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static MentorBot.Tests.Infrastructure.WebChatTestEnvironment;

namespace MentorBot.Tests.Hardening;

/// <summary>
/// A Direct Line token ends sooner than its expiry when it must: her erasure revokes every token of her
/// conversations (a generation in the database), a session ends at its maximum age, and the token the
/// WebSocket carries in its URL never reaches the log.
/// </summary>
public sealed class DirectLineTokenLifeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Erasure_revokes_the_tokens_her_browser_still_holds()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        var grant = await StartAsync(bot);
        using var http = DirectLine(bot, grant.Token);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"conversations/{grant.ConversationId}/activities", new { type = "message", text = "hej" })).StatusCode);

        await using (var db = TestDb.Open(database))
        {
            var participant = await db.Conversations.Where(c => c.Channel == Channel.WebChat && c.ChannelConversationId == grant.ConversationId)
                .Select(c => c.ParticipantId).SingleAsync();
            var erased = await new PersonErasure(db, TimeProvider.System, NullLogger<PersonErasure>.Instance).EraseBySystemAsync(participant!.Value, "test", CancellationToken.None);
            Assert.Equal(1, erased.Rows["direct_line_tokens_revoked"]);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"conversations/{grant.ConversationId}/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("tokens/refresh", null)).StatusCode);
        // Before: the old token opened a fresh conversation under her old id (201).
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("conversations", null)).StatusCode);
        await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(bot, grant.ConversationId, grant.Token));

        // The /chat page trading the kept token gets a new conversation, not hers.
        var again = await PageTokenAsync(bot, "da", resume: grant.Token);
        Assert.False(again.Resumed);
        Assert.NotEqual(grant.ConversationId, again.ConversationId);
        Assert.Equal(0, await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM conversations WHERE channel_conversation_id = '{grant.ConversationId}'"));
    }

    [Fact]
    public async Task A_session_past_its_maximum_age_is_not_continued_by_any_token()
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = Settings(database);
        settings["DirectLine__MaxSessionAge"] = "00:01:00";
        await using var bot = await BotProcess.ServeAsync(settings);
        var grant = await StartAsync(bot);
        var userId = new DirectLineTokens(DirectLineSecret.From(new DirectLineOptions { Secret = Secret }, NullLogger.Instance), new DirectLineOptions(), TimeProvider.System)
            .Read(grant.Token)!.UserId;
        // Issued two minutes ago, so its expiry (30 minutes) is still ahead: only the session is too old.
        var old = Tokens(new FixedClock(DateTimeOffset.UtcNow.AddMinutes(-2))).Issue(grant.ConversationId, userId, "da");

        using var http = DirectLine(bot, old);
        using var read = await http.GetAsync($"conversations/{grant.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("TokenExpired", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("tokens/refresh", null)).StatusCode);
        Assert.False((await PageTokenAsync(bot, "da", resume: old)).Resumed);

        // The fresh session's token works.
        using var fresh = DirectLine(bot, grant.Token);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync($"conversations/{grant.ConversationId}/activities")).StatusCode);
    }

    [Fact]
    public async Task The_stream_token_in_the_WebSocket_URL_is_never_logged_even_at_trace_level()
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = Settings(database);
        settings["Logging__LogLevel__Default"] = "Trace";
        settings["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace";
        settings["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace";
        await using var bot = await BotProcess.ServeAsync(settings);
        var grant = await StartAsync(bot);

        using (var socket = new ClientWebSocket())
        {
            await socket.ConnectAsync(new Uri($"ws://{bot.BaseAddress.Authority}{DirectLineEndpoints.Prefix}/conversations/{grant.ConversationId}/stream?t={Uri.EscapeDataString(grant.Token)}"), CancellationToken.None);
            var buffer = new byte[64 * 1024];
            await socket.ReceiveAsync(buffer, CancellationToken.None); // the greeting
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        await Task.Delay(500);
        var signature = grant.Token.Split('.')[2];
        Assert.DoesNotContain(signature, bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(grant.Token), bot.Output, StringComparison.Ordinal);
    }

    static async Task<Grant> StartAsync(BotProcess bot)
    {
        var grant = await PageTokenAsync(bot, "da");
        using var http = DirectLine(bot, grant.Token);
        using var started = await http.PostAsync("conversations", JsonContent.Create(new { user = new { } }));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return grant;
    }

    static async Task ConnectAsync(BotProcess bot, string conversationId, string token)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{bot.BaseAddress.Authority}{DirectLineEndpoints.Prefix}/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}"), CancellationToken.None);
    }
}
