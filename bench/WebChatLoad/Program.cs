using System.Diagnostics;
using System.Globalization;
using MentorBot.Bench.WebChatLoad;

// Many web chat conversations at once against one running MentorBot node, each over its own WebSocket,
// as the /chat page holds them: p50/p99 time from posting her message to the bot's reply on the socket,
// and the server's memory (resident set) when its pid is given.
//   dotnet run -c Release --project bench/WebChatLoad -- --url http://127.0.0.1:5000 --conversations 200 --turns 5 --pid 1234
//   … -- --hold 2000 --sample 40 --rate 5 --seconds 30 --pid 1234   holds 2000 open and measures turns among them
var options = LoadOptions.From(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(120) };
if (options.Hold is { } hold)
{
    await HeldConversations.RunAsync(http, options, hold);
    return;
}

var memoryBefore = ServerMemory.Read(options.Pid);

var total = Stopwatch.StartNew();
var conversations = Enumerable.Range(0, options.Conversations).Select(_ => new SimulatedMentee(http, options));
var connected = new List<SimulatedMentee>();
foreach (var batch in conversations.Chunk(50))
{
    // Open in batches, as visitors arrive, rather than 1000 handshakes in the same millisecond.
    await Task.WhenAll(batch.Select(m => m.OpenAsync()));
    connected.AddRange(batch);
}

var memoryConnected = ServerMemory.Read(options.Pid);
var latencies = (await Task.WhenAll(connected.Select(m => m.ChatAsync()))).SelectMany(l => l).Order().ToList();
total.Stop();
var memoryAfter = ServerMemory.Read(options.Pid);
await Task.WhenAll(connected.Select(m => m.CloseAsync()));

string Ms(double p) => latencies.Count == 0 ? "-" : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))].TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
Console.WriteLine($"conversations {options.Conversations}, turns each {options.Turns}, replies measured {latencies.Count}, in {total.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"reply latency ms: p50 {Ms(0.50)}, p90 {Ms(0.90)}, p99 {Ms(0.99)}, max {Ms(1.0)}");
if (options.Pid is not null)
{
    Console.WriteLine($"server resident memory MB: before {memoryBefore}, all sockets open {memoryConnected}, after the turns {memoryAfter}");
}
