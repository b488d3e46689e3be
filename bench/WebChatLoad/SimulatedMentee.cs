using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace MentorBot.Bench.WebChatLoad;

/// <summary>One visitor of /chat: gets a token, opens her conversation and its WebSocket, then answers the bot turn by turn.</summary>
sealed class SimulatedMentee(HttpClient http, LoadOptions options)
{
    // English, a mentee, her name, a branch, her city: the welcome and the first signup steps.
    static readonly string[] Answers = ["2", "1", "Amal", "1", "Aarhus", "1", "1", "1"];

    readonly ClientWebSocket _socket = new();
    string _conversationId = "";
    string _token = "";

    public async Task OpenAsync()
    {
        using var granted = await http.PostAsJsonAsync("/api/webchat/token", new { locale = "en" });
        var grant = await granted.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        _token = grant.GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { user = new { } }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var started = await http.SendAsync(start);
        var conversation = await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        _conversationId = conversation.GetProperty("conversationId").GetString()!;
        await _socket.ConnectAsync(new Uri(conversation.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        await UntilBotSpeaksAsync(); // the greeting
    }

    public async Task<List<TimeSpan>> ChatAsync()
    {
        var latencies = new List<TimeSpan>();
        foreach (var answer in Answers.Take(options.Turns))
        {
            var clock = Stopwatch.StartNew();
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { type = "message", from = new { id = "bench" }, text = answer }), Encoding.UTF8, "application/json"),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            using var posted = await http.SendAsync(post);
            posted.EnsureSuccessStatusCode();
            await UntilBotSpeaksAsync();
            latencies.Add(clock.Elapsed);
        }

        return latencies;
    }

    public async Task CloseAsync()
    {
        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        _socket.Dispose();
    }

    /// <summary>Reads ActivitySets (skipping keep-alives) until one holds a bot message.</summary>
    async Task UntilBotSpeaksAsync()
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (message.Length == 0)
            {
                continue;
            }

            using var set = JsonDocument.Parse(message.ToArray());
            if (set.RootElement.GetProperty("activities").EnumerateArray().Any(a => a.GetProperty("from").GetProperty("role").GetString() == "bot"))
            {
                return;
            }
        }
    }
}
