using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MentorBot.Bot.Channels.Twilio.Simulator;
using MentorBot.Data.Embedded;
using Npgsql;

namespace MentorBot.Bench;

/// <summary>
/// Signed inbound SMS webhooks per second, and their latency, into the real app on a PostgreSQL on the
/// same machine — each from a new number, so each runs the first dialog turn and queues its replies —
/// beside that PostgreSQL's own ceiling: pgbench running the same writes per message.
/// </summary>
public static partial class WebhookBenchmark
{
    const string Token = "bench_token";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var database = await BenchDatabase.StartAsync();
        var server = database.Server;
        var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__MentorBot"] = server.ConnectionString,
            ["Twilio__AuthToken"] = Token,           // the simulator, with a token we can sign with
            ["Twilio__MessagesPerSecond"] = "0",     // no pacing: we measure MentorBot, not a long code's limit
            ["Scheduler__Enabled"] = "false",
        });
        (double PerSecond, double P50, double P99, int Failed, double MemoryMiB) app_;
        await using (app)
        {
            using var http = new HttpClient { BaseAddress = app.Address };
            await SendAsync(http, 100, options.Concurrency, "warm"); // JIT, pools, caches
            var stopwatch = Stopwatch.StartNew();
            var latencies = await SendAsync(http, options.Count, options.Concurrency, "run");
            stopwatch.Stop();
            var ok = latencies.Where(l => l >= 0).Order().ToList();
            app_ = (ok.Count / stopwatch.Elapsed.TotalSeconds, Percentile(ok, 0.50), Percentile(ok, 0.99), latencies.Count(l => l < 0), app.WorkingSetMiB());
        }

        var ceiling = await PgbenchAsync(server, options);
        Console.WriteLine();
        Console.WriteLine($"| measure | value |");
        Console.WriteLine($"| --- | --- |");
        Console.WriteLine($"| signed inbound SMS webhooks handled | {options.Count} at concurrency {options.Concurrency}, {app_.Failed} failed |");
        Console.WriteLine($"| webhooks per second | {app_.PerSecond:F0} |");
        Console.WriteLine($"| latency p50 / p99 | {app_.P50:F1} ms / {app_.P99:F1} ms |");
        Console.WriteLine($"| app memory (working set) after the run | {app_.MemoryMiB:F0} MiB |");
        Console.WriteLine($"| pgbench, the same writes per message, {options.Concurrency} clients | {ceiling:F0} transactions per second |");
        Console.WriteLine($"| MentorBot / PostgreSQL ceiling | {app_.PerSecond / ceiling:P0} |");
        return app_.Failed == 0 ? 0 : 1;
    }

    /// <summary>Latency in ms of each webhook; -1 for a response that was not 200.</summary>
    static async Task<List<double>> SendAsync(HttpClient http, int count, int concurrency, string run)
    {
        var latencies = new List<double>(count);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < count)
            {
                var fields = new Dictionary<string, string>
                {
                    ["MessageSid"] = $"SM{Guid.NewGuid():N}", ["AccountSid"] = "AC" + new string('0', 32), ["From"] = $"+4570{i:D6}",
                    ["To"] = "+4570000000", ["Body"] = run == "warm" ? "Hej" : "مرحبا", ["NumMedia"] = "0",
                };
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/twilio/sms") { Content = new FormUrlEncodedContent(fields) };
                request.Headers.Add(SimulatorWebhookSigner.Header, SimulatorWebhookSigner.Sign(Token, new Uri(http.BaseAddress!, "/api/twilio/sms").ToString(), fields));
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(response.IsSuccessStatusCode ? elapsed : -1);
                }
            }
        }));
        return latencies;
    }

    static async Task<double> PgbenchAsync(EmbeddedPostgres server, BenchOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString);
        var pgbench = Path.Combine(PostgresBinaries.Find(null)!.Directory, "pgbench");
        var script = Path.Combine(AppProcess.RepositoryRoot(), "bench", "MentorBot.Bench", "same_writes.sql");
        var start = new ProcessStartInfo(pgbench, ["-n", "-M", "extended", "-c", options.Concurrency.ToString(CultureInfo.InvariantCulture), "-j", "2",
            "-T", options.Seconds.ToString(CultureInfo.InvariantCulture), "-f", script, "-h", "127.0.0.1", "-p", builder.Port.ToString(CultureInfo.InvariantCulture),
            "-U", builder.Username!, builder.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = builder.Password;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var tps = Tps().Match(output);
        return tps.Success ? double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"pgbench failed: {output}{error}");
    }

    static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
