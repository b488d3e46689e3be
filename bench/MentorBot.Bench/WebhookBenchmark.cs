using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MentorBot.Bot.Channels.Twilio.Simulator;
using MentorBot.Data.Embedded;
using MentorBot.Data.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MentorBot.Bench;

/// <summary>
/// Signed inbound SMS webhooks per second, and their latency, into the real app on a PostgreSQL on the
/// same machine — each from a new number, so each runs the first dialog turn and queues its replies —
/// beside that PostgreSQL's own ceiling: pgbench running the same writes per message.
/// </summary>
public static partial class WebhookBenchmark
{
    /// <summary>
    /// Webhooks sent before the measured ones unless <c>--warmup</c> says otherwise: a node that has run a while, its hot
    /// paths compiled by the optimising tier. The first few hundred on a cold node go at half the pace or less, and after
    /// 2,000 the tier-1 compiler was still promoting about 200 methods a second, a seventh of the app's CPU in the
    /// measured phase (perf, and the perf map's growth): 8,000 is about 15 s of load, after which it is done.
    /// </summary>
    const int DefaultWarmup = 8000;

    const string TwilioSmsPath = "/api/twilio/sms";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var database = await BenchDatabase.StartAsync();
        var server = database.Server;
        // The replies go to the fake API in this process, which answers at once and sends no status callbacks: with the
        // built-in simulator each webhook also brought the app two sends and their callbacks, which the pgbench script
        // beside it does not write, and the outbox benchmark measures on their own.
        await using var twilio = await FakeTwilio.StartAsync();
        var settings = twilio.NodeSettings(server.ConnectionString); // pacing off, and the token signed with below
        settings["Scheduler__Enabled"] = "false";
        // The ceiling is measured before the app's phase and after it, and the two averaged: this machine's speed drifts
        // by a tenth or more over a minute, and one pgbench run after the app made the share move with it. Before, the
        // app is not running yet (it would claim the replies pgbench queues); pgbench's rows go before it starts.
        await new MigrationRunner(MigrationSource.Embedded(), NullLogger<MigrationRunner>.Instance).ApplyAsync(server.ConnectionString, TimeProvider.System);
        var (ceilingBefore, pgbenchDatabaseCpuBefore) = await PgbenchAsync(database, options);
        await ExecuteAsync(server, "TRUNCATE participants, conversations, messages, dialog_sessions CASCADE");

        var app = await AppProcess.StartAsync(settings);
        (double PerSecond, double P50, double P99, int Failed, double MemoryMiB, double CpuMs, double DatabaseCpuMs, double ClientCpuMs) app_;
        await using (app)
        {
            using var http = new HttpClient { BaseAddress = app.Address };
            // JIT, pools, caches: a node that has run a while, and has seen messages like the measured ones (Arabic, every other
            // one). Warmed in Danish only, the optimising compiler still took a sixth of the app's CPU in the first seconds
            // measured, compiling the paths an Arabic first message takes.
            await SendAsync(http, Warmup(options), options.Concurrency, "warm");
            // Statistics for the tables the warm-up filled, as autovacuum gathers them on a database that has run a while.
            // Without them, whether autovacuum's first visit (a minute apart) fell inside the run decided the plans the app's
            // prepared statements kept: made while the tables were nearly empty, a batch's two lookups by phone and address
            // read every row (up to 2 ms each at 16,000 people, their indexes unused) until an ANALYZE replaced them.
            await ExecuteAsync(server, "ANALYZE participants, conversations, messages, dialog_sessions");
            using var self = Process.GetCurrentProcess();
            var (cpu, databaseCpu, clientCpu) = (app.CpuTime(), database.CpuTime(), self.TotalProcessorTime);
            var stopwatch = Stopwatch.StartNew();
            var latencies = await SendAsync(http, options.Count, options.Concurrency, "run");
            stopwatch.Stop();
            cpu = app.CpuTime() - cpu; // the replies' sending, which goes on a little after the last answer, is mostly inside
            self.Refresh();
            (databaseCpu, clientCpu) = (database.CpuTime() - databaseCpu, self.TotalProcessorTime - clientCpu);
            var ok = latencies.Where(l => l >= 0).Order().ToList();
            app_ = (ok.Count / stopwatch.Elapsed.TotalSeconds, Percentile(ok, 0.50), Percentile(ok, 0.99), latencies.Count(l => l < 0), app.WorkingSetMiB(),
                cpu.TotalMilliseconds / options.Count, databaseCpu.TotalMilliseconds / options.Count, clientCpu.TotalMilliseconds / options.Count);
        }

        var (ceilingAfter, pgbenchDatabaseCpuAfter) = await PgbenchAsync(database, options);
        var ceiling = (ceilingBefore + ceilingAfter) / 2;
        Console.WriteLine();
        Console.WriteLine($"| measure | value |");
        Console.WriteLine($"| --- | --- |");
        Console.WriteLine($"| signed inbound SMS webhooks handled | {options.Count} at concurrency {options.Concurrency}, {app_.Failed} failed, after {Warmup(options)} to warm up |");
        Console.WriteLine($"| webhooks per second | {app_.PerSecond:F0} |");
        Console.WriteLine($"| latency p50 / p99 | {app_.P50:F1} ms / {app_.P99:F1} ms |");
        Console.WriteLine($"| app CPU per webhook (its turn and its replies' sending) | {app_.CpuMs:F2} ms |");
        Console.WriteLine($"| database CPU per webhook | {app_.DatabaseCpuMs:F2} ms |");
        Console.WriteLine($"| this process's CPU per webhook (sending them, the fake Twilio API) | {app_.ClientCpuMs:F2} ms |");
        Console.WriteLine($"| app memory (working set) after the run | {app_.MemoryMiB:F0} MiB |");
        Console.WriteLine($"| pgbench, the same writes per message, {options.Concurrency} clients | {ceiling:F0} transactions per second ({ceilingBefore:F0} before, {ceilingAfter:F0} after) |");
        Console.WriteLine($"| database CPU per pgbench transaction | {(pgbenchDatabaseCpuBefore + pgbenchDatabaseCpuAfter) / 2:F2} ms ({pgbenchDatabaseCpuBefore:F2} before, {pgbenchDatabaseCpuAfter:F2} after) |");
        Console.WriteLine($"| MentorBot / PostgreSQL ceiling | {app_.PerSecond / ceiling:P0} |");
        return app_.Failed == 0 ? 0 : 1;
    }

    /// <summary>Latency in ms of each webhook; -1 for a response that was not 200.</summary>
    static async Task<List<double>> SendAsync(HttpClient http, int count, int concurrency, string run)
    {
        // Bodies and signatures made before the clock starts, as pgbench has its script parsed: what Twilio does to send a
        // webhook is not MentorBot's work, and on the same two cores it took CPU from the app and the database.
        var url = new Uri(http.BaseAddress!, TwilioSmsPath).ToString();
        var webhooks = Enumerable.Range(0, count).Select(i =>
        {
            var fields = new Dictionary<string, string>
            {
                ["MessageSid"] = $"SM{Guid.NewGuid():N}", ["AccountSid"] = "AC" + new string('0', 32), ["From"] = $"+457{(run == "warm" ? 1 : 0)}{i:D6}", // a new person each: the warm-up's numbers are apart
                ["To"] = "+4570000000", ["Body"] = run == "warm" && i % 2 == 0 ? "Hej" : "مرحبا", ["NumMedia"] = "0",
            };
            return (Body: new FormUrlEncodedContent(fields).ReadAsByteArrayAsync().Result, Signature: SimulatorWebhookSigner.Sign(FakeTwilio.AuthToken, url, fields));
        }).ToArray();
        var latencies = new List<double>(count);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < count)
            {
                var content = new ByteArrayContent(webhooks[i].Body);
                content.Headers.ContentType = new("application/x-www-form-urlencoded");
                using var request = new HttpRequestMessage(HttpMethod.Post, TwilioSmsPath) { Content = content };
                request.Headers.Add(SimulatorWebhookSigner.Header, webhooks[i].Signature);
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

    static async Task ExecuteAsync(EmbeddedPostgres server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>pgbench's transactions per second, and the database's CPU per transaction meanwhile.</summary>
    static async Task<(double Tps, double DatabaseCpuMs)> PgbenchAsync(BenchDatabase database, BenchOptions options)
    {
        var server = database.Server;
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString);
        var pgbench = Path.Combine(PostgresBinaries.Find(null)!.Directory, "pgbench");
        var script = Path.Combine(AppProcess.RepositoryRoot(), "bench", "MentorBot.Bench", "same_writes.sql");
        var start = new ProcessStartInfo(pgbench, ["-n", "-M", "extended", "-c", options.Concurrency.ToString(CultureInfo.InvariantCulture), "-j", "2",
            "-T", Math.Max(1, options.Seconds / 2).ToString(CultureInfo.InvariantCulture), "-f", script, "-h", "127.0.0.1", "-p", builder.Port.ToString(CultureInfo.InvariantCulture),
            "-U", builder.Username!, builder.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = builder.Password;
        var databaseCpu = database.CpuTime();
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        databaseCpu = database.CpuTime() - databaseCpu;
        var (tps, processed) = (Tps().Match(output), Processed().Match(output));
        if (!tps.Success || !processed.Success)
        {
            throw new InvalidOperationException($"pgbench failed: {output}{error}");
        }

        return (double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            databaseCpu.TotalMilliseconds / double.Parse(processed.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    static int Warmup(BenchOptions options) => options.Warmup > 0 ? options.Warmup : DefaultWarmup;

    static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"number of transactions actually processed: (\d+)")]
    private static partial Regex Processed();
}
