using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace MentorBot.Bench.WebChatLoad;

/// <summary>
/// <c>--hold N</c>: opens N conversations with their WebSockets and keeps them all open and read (keep-alive
/// frames every <c>DirectLine__KeepAliveInterval</c>), waits <c>--idle-seconds</c>, then — all still held —
/// has a sample of them take turns at a steady rate and measures each reply. Memory: the server's resident
/// set before, idle with all N held, and after the turns.
/// </summary>
static class HeldConversations
{
    public static async Task RunAsync(HttpClient http, LoadOptions options, int count)
    {
        var memoryBefore = ServerMemory.Read(options.Pid);
        var opening = Stopwatch.StartNew();
        var held = new List<SimulatedMentee>();
        var failedToOpen = 0;
        foreach (var batch in Enumerable.Range(0, count).Select(_ => new SimulatedMentee(http, options)).Chunk(50))
        {
            var opened = await Task.WhenAll(batch.Select(async mentee =>
            {
                try
                {
                    await mentee.OpenAsync();
                    return true;
                }
                catch (Exception e) when (e is HttpRequestException or System.Net.WebSockets.WebSocketException or TaskCanceledException)
                {
                    return false;
                }
            }));
            held.AddRange(batch.Where((_, index) => opened[index]));
            failedToOpen += opened.Count(ok => !ok);
        }

        opening.Stop();
        Console.WriteLine($"opened {held.Count} conversations ({failedToOpen} failed) in {opening.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
        var memoryIdle = ServerMemory.Read(options.Pid);
        var openIdle = held.Count(m => m.Open);
        Console.WriteLine($"after {options.IdleSeconds} s idle: {openIdle} sockets open, {held.Sum(m => m.KeepAlives)} keep-alive frames received");

        var latencies = new ConcurrentBag<TimeSpan>();
        var failedTurns = 0;
        var sample = new ConcurrentQueue<SimulatedMentee>(held.Take(options.Sample));
        var turns = new List<Task>();
        var interval = TimeSpan.FromSeconds(1 / options.Rate);
        var measuring = Stopwatch.StartNew();
        while (measuring.Elapsed < TimeSpan.FromSeconds(options.Seconds))
        {
            // A steady arrival rate: one turn every interval, by a sampled conversation that is not waiting for its reply.
            if (sample.TryDequeue(out var mentee))
            {
                turns.Add(Task.Run(async () =>
                {
                    try
                    {
                        latencies.Add(await mentee.TurnAsync());
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref failedTurns);
                    }

                    if (mentee.HasAnswersLeft)
                    {
                        sample.Enqueue(mentee);
                    }
                }));
            }

            await Task.Delay(interval);
        }

        await Task.WhenAll(turns);
        var memoryAfter = ServerMemory.Read(options.Pid);
        var openAfter = held.Count(m => m.Open);
        await Task.WhenAll(held.Select(m => m.CloseAsync()));

        var sorted = latencies.Order().ToList();
        string Ms(double p) => sorted.Count == 0 ? "-" : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))].TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine($"turns while {openIdle} held: {sorted.Count} measured ({failedTurns} failed) at {options.Rate} per second by {options.Sample} conversations over {options.Seconds} s");
        Console.WriteLine($"reply latency ms: p50 {Ms(0.50)}, p90 {Ms(0.90)}, p99 {Ms(0.99)}, max {Ms(1.0)}");
        Console.WriteLine($"sockets still open after the turns: {openAfter}");
        if (options.Pid is not null)
        {
            Console.WriteLine($"server resident memory MB: before {memoryBefore}, idle with {openIdle} held {memoryIdle}, after the turns {memoryAfter}");
        }
    }
}
