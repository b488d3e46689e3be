using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using MentorBot.Tests.Infrastructure;
using static MentorBot.Tests.Infrastructure.WebChatTestEnvironment;

namespace MentorBot.Tests.WebChat;

/// <summary>Several nodes on one database: a reply made on one node reaches the WebSocket another node holds.</summary>
public sealed class WebChatClusterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_reply_made_on_one_node_reaches_the_stream_held_by_another()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await BotProcess.ServeAsync(Settings(database));
        await using var second = await BotProcess.ServeAsync(Settings(database));
        var grant = await PageTokenAsync(first, "en");

        // Opened on the first node; the stream URL the second node gives is its own.
        using var onFirst = DirectLine(first, grant.Token);
        using var started = await onFirst.PostAsync("conversations", JsonContent.Create(new { user = new { } }));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        using var onSecond = DirectLine(second, grant.Token);
        var reconnect = await (await onSecond.GetAsync($"conversations/{grant.ConversationId}?watermark=")).Content.ReadFromJsonAsync<JsonElement>();
        var streamUrl = reconnect.GetProperty("streamUrl").GetString()!;
        Assert.StartsWith($"ws://{second.BaseAddress.Authority}/", streamUrl, StringComparison.Ordinal);

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var greeting = await NextSetAsync(socket);
        var watermark = greeting.GetProperty("watermark").GetString();

        // She answers through the first node; the second node's socket gets her echo and the reply.
        const string post = """{"type": "message", "from": {"id": "x"}, "text": "2", "channelData": {"clientActivityID": "from-node-1"}}""";
        using var posted = await onFirst.PostAsync($"conversations/{grant.ConversationId}/activities", new StringContent(post, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var received = new List<JsonElement>();
        while (!received.Any(a => a.GetProperty("from").GetProperty("role").GetString() == "bot"))
        {
            var set = await NextSetAsync(socket);
            received.AddRange(set.GetProperty("activities").EnumerateArray());
            Assert.NotEqual(watermark, set.GetProperty("watermark").GetString());
        }

        Assert.Equal("from-node-1", received[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("en", received[^1].GetProperty("locale").GetString()); // "2" chose English
    }

    /// <summary>The next ActivitySet on the stream, skipping empty keep-alive frames.</summary>
    static async Task<JsonElement> NextSetAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var message = new MemoryStream();
            var buffer = new byte[8192];
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (message.Length > 0)
            {
                return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            }
        }
    }
}
