using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace MentorBot.Bench.WebChatLoad;

/// <summary>
/// One visitor of /chat: gets a token, opens her conversation and its WebSocket, then answers the bot turn
/// by turn. Her socket is read all the time (as the page does), so keep-alives are consumed while she is idle.
/// </summary>
sealed class SimulatedMentee(HttpClient http, LoadOptions options)
{
    // English, a mentee, her name, a branch, her city: the welcome and the first signup steps.
    static readonly string[] Answers = ["2", "1", "Amal", "1", "Aarhus", "1", "1", "1"];

    readonly ClientWebSocket _socket = new();
    readonly SemaphoreSlim _botSpoke = new(0);
    string _conversationId = "";
    string _token = "";
    int _answered;

    public int KeepAlives { get; private set; }

    public bool Open => _socket.State == WebSocketState.Open;

    public bool HasAnswersLeft => _answered < Answers.Length;

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
        _socket.Options.KeepAliveInterval = TimeSpan.Zero; // Direct Line's own empty frames are the keep-alive
        await _socket.ConnectAsync(new Uri(conversation.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        _ = ReadAsync();
        await _botSpoke.WaitAsync(); // the greeting
    }

    public async Task<List<TimeSpan>> ChatAsync()
    {
        var latencies = new List<TimeSpan>();
        for (var i = 0; i < options.Turns && HasAnswersLeft; i++)
        {
            latencies.Add(await TurnAsync());
        }

        return latencies;
    }

    /// <summary>Posts her next answer; the time until the bot's reply arrives on her socket.</summary>
    public async Task<TimeSpan> TurnAsync()
    {
        while (_botSpoke.Wait(0))
        {
            // a reply that came in two activity sets left a signal behind: not this turn's
        }

        var clock = Stopwatch.StartNew();
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { type = "message", from = new { id = "bench" }, text = Answers[_answered++ % Answers.Length] }), Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var posted = await http.SendAsync(post);
        posted.EnsureSuccessStatusCode();
        await _botSpoke.WaitAsync();
        return clock.Elapsed;
    }

    public async Task CloseAsync()
    {
        if (Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        _socket.Dispose();
    }

    /// <summary>Reads ActivitySets until the socket closes; signals each one that holds a bot message, counts keep-alives.</summary>
    async Task ReadAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (message.Length == 0)
                {
                    KeepAlives++;
                    continue;
                }

                using var set = JsonDocument.Parse(message.ToArray());
                if (set.RootElement.GetProperty("activities").EnumerateArray().Any(a => a.GetProperty("from").GetProperty("role").GetString() == "bot"))
                {
                    _botSpoke.Release();
                }
            }
        }
        catch (WebSocketException)
        {
            // counted as not open at the end
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
