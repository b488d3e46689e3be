using System.Text.Json;
using MentorBot.Data.Model;
using MentorBot.Tests.Dialogs;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static MentorBot.Tests.Infrastructure.WebChatTestEnvironment;

namespace MentorBot.Tests.WebChat;

/// <summary>
/// Microsoft's own Direct Line client (botframework-directlinejs 0.15.8, in Node) against the real app:
/// the first steps of an Arabic signup, over polling and over the WebSocket stream.
/// </summary>
public sealed class DirectLineClientTests(PostgresFixture postgres)
{
    const int Online = 2;

    [Theory]
    [InlineData(false, "polling")]
    [InlineData(true, "the WebSocket stream")]
    public async Task Directlinejs_starts_an_Arabic_signup(bool webSocket, string over)
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        var grant = await PageTokenAsync(bot, "ar");

        var result = await NodeOracle.RunAsync("directline-client.mjs", new
        {
            domain = Domain(bot), token = grant.Token, webSocket,
            steps = new object[] { new { button = 0 }, new { text = "Amal" } },
        });

        var catalog = TestCatalog.Instance;
        Assert.Equal(grant.ConversationId, result.GetProperty("conversationId").GetString());
        Assert.Contains(Online, result.GetProperty("statuses").EnumerateArray().Select(s => s.GetInt32()));
        var activities = result.GetProperty("activities").EnumerateArray().ToList();
        var bot_ = activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot").ToList();
        Assert.Contains(catalog.Text("ar", "welcome.greeting"), Text(bot_[0])); // her browser is Arabic: no language menu
        Assert.Contains(bot_, a => Text(a).Contains(catalog.Text("ar", "welcome.ask_role"), StringComparison.Ordinal));
        Assert.Contains(bot_, a => Text(a).Contains(catalog.Text("ar", "signup.ask_name"), StringComparison.Ordinal));
        var last = bot_[^1];
        Assert.Contains(catalog.Text("ar", "signup.ask_branch"), Text(last));
        Assert.Equal("ar", last.GetProperty("locale").GetString());
        Assert.True(last.GetProperty("channelData").GetProperty("rightToLeft").GetBoolean(), over);
        Assert.Equal(5, last.GetProperty("suggestedActions").GetProperty("actions").GetArrayLength());

        // Her own messages come back with the id postActivity returned, and everything arrives once, in order.
        var echoes = activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").ToList();
        Assert.Equal(result.GetProperty("postIds").EnumerateArray().Select(i => i.GetString()), echoes.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal("Amal", Text(echoes[^1]));
        var ids = activities.Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // One person, one profile: her participant, web-chat identity and conversation.
        await using var db = TestDb.Open(database);
        var conversation = await db.Conversations.SingleAsync(c => c.Channel == Channel.WebChat && c.ChannelConversationId == grant.ConversationId);
        var person = await db.Participants.Include(p => p.Identities).SingleAsync(p => p.Id == conversation.ParticipantId);
        Assert.Equal("ar", person.PreferredLanguage);
        Assert.Single(person.Identities, i => i.Channel == Channel.WebChat);
        Assert.Equal(2, await db.Messages.CountAsync(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Inbound));
    }

    [Fact]
    public async Task A_reloaded_page_resumes_its_conversation_with_the_whole_history_even_after_a_restart()
    {
        var database = await postgres.CreateDatabaseAsync();
        Grant grant;
        JsonElement first;
        await using (var before = await BotProcess.ServeAsync(Settings(database)))
        {
            grant = await PageTokenAsync(before, "ar");
            first = await NodeOracle.RunAsync("directline-client.mjs", new
            {
                domain = Domain(before), token = grant.Token, webSocket = true, steps = new object[] { new { buttonTitle = "أريد إيجاد مرشد/ة" } },
            });
        }

        // MentorBot restarted; the page kept its token in sessionStorage, trades it after the reload and
        // reconnects (GET conversations/{id}).
        await using var bot = await BotProcess.ServeAsync(Settings(database));
        var resumed = await PageTokenAsync(bot, "ar", resume: grant.Token);
        Assert.True(resumed.Resumed);
        Assert.Equal(grant.ConversationId, resumed.ConversationId);
        var second = await NodeOracle.RunAsync("directline-client.mjs", new
        {
            domain = Domain(bot), token = resumed.Token, webSocket = true, conversationId = resumed.ConversationId,
            steps = new object[] { new { text = "Amal" } },
        });

        var earlier = Ids(first);
        var later = Ids(second);
        Assert.Equal(earlier, later.Take(earlier.Count)); // the whole history first, then the new turn
        Assert.True(later.Count > earlier.Count);
    }

    [Fact]
    public async Task With_the_secret_her_messages_come_back_with_the_id_the_client_chose_and_a_token_keeps_its_own()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var bot = await BotProcess.ServeAsync(Settings(database));

        // A site's server holds the secret and names its user, as real Direct Line allows.
        var withSecret = await NodeOracle.RunAsync("directline-client.mjs", new
        {
            domain = Domain(bot), secret = Secret, userId = "site-user-42", webSocket = false,
            steps = new object[] { new { text = "Hello" } },
        });
        var echo = withSecret.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("from").GetProperty("role").GetString() == "user");
        Assert.Equal("site-user-42", echo.GetProperty("from").GetProperty("id").GetString());

        // A token binds its user: the id she posts is not taken.
        var grant = await PageTokenAsync(bot, "en");
        var withToken = await NodeOracle.RunAsync("directline-client.mjs", new
        {
            domain = Domain(bot), token = grant.Token, userId = "someone-else", webSocket = false,
            steps = new object[] { new { text = "Hello" } },
        });
        var bound = withToken.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("from").GetProperty("role").GetString() == "user");
        Assert.NotEqual("someone-else", bound.GetProperty("from").GetProperty("id").GetString());
        var toHer = withToken.GetProperty("activities").EnumerateArray().First(a => a.GetProperty("from").GetProperty("role").GetString() == "bot");
        Assert.Equal(toHer.GetProperty("recipient").GetProperty("id").GetString(), bound.GetProperty("from").GetProperty("id").GetString());
    }

    static List<string> Ids(JsonElement result) =>
        result.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();

    static string Text(JsonElement activity) => activity.GetProperty("text").GetString()!;
}
