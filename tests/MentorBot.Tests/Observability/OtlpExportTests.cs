using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Observability;

/// <summary>
/// The running app with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set exports its traces, metrics and logs to that collector
/// (a local fake taking OTLP over HTTP/protobuf), under the service name <c>OTEL_SERVICE_NAME</c> gives it.
/// </summary>
public sealed class OtlpExportTests(PostgresFixture postgres)
{
    [Fact]
    public async Task With_an_OTLP_endpoint_set_the_app_sends_its_traces_metrics_and_logs_there()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var collector = FakeCollector.Start();
        await using var bot = await BotProcess.ServeAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__MentorBot"] = database,
            ["Scheduler__Enabled"] = "false",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "mentorbot-otlp-test",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        var someone = Guid.NewGuid().ToString();
        await http.GetAsync($"/console/people/{someone}?q=+4520000001");

        await TwilioTestEnvironment.Eventually(() => Task.FromResult(collector.Received("/v1/traces", "mentorbot-otlp-test") && collector.Received("/v1/traces", "/health")
            && collector.Received("/v1/traces", "/console/people/{id")), "the requests' spans reached the collector");
        await TwilioTestEnvironment.Eventually(() => Task.FromResult(collector.Received("/v1/metrics", "http.server.request.duration")),
            "ASP.NET Core's request metrics reached the collector");
        await TwilioTestEnvironment.Eventually(() => Task.FromResult(collector.Received("/v1/logs", "mentorbot-otlp-test")), "the logs reached the collector");

        // A person's page is traced by its route, not her id; a query string is redacted.
        foreach (var signal in new[] { "/v1/traces", "/v1/metrics", "/v1/logs" })
        {
            Assert.False(collector.Received(signal, someone), $"A participant id reached the collector ({signal}).");
            Assert.False(collector.Received(signal, "4520000001"), $"A phone number reached the collector ({signal}).");
        }
    }

    [Fact]
    public async Task The_outbox_counts_accepted_retried_and_failed_sends_and_the_collector_receives_them()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var collector = FakeCollector.Start();
        await using var api = FakeTwilioApi.Start();
        // Twilio is busy for one text (tried again later), takes the others.
        api.Respond = (request, _) => Task.FromResult(request.Form.GetValueOrDefault("Body") == "Busy now"
            ? FakeTwilioApi.Error(503, 20503, "Service unavailable")
            : FakeTwilioApi.Accept());
        var settings = TwilioTestEnvironment.RealAccount(database, api.BaseUrl);
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl;
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        settings["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        await using var bot = await BotProcess.ServeAsync(settings);

        await TwilioTestEnvironment.QueueAsync(database, "+4520123456", "Hej");
        await TwilioTestEnvironment.QueueAsync(database, "+4520123457", "Busy now");
        await TwilioTestEnvironment.QueueAsync(database, "+4520123458", new string('a', 1601)); // failed unsent: over Twilio's limit

        foreach (var counter in new[] { "mentorbot.messages.outbound.accepted", "mentorbot.messages.outbound.retried", "mentorbot.messages.outbound.failed" })
        {
            await TwilioTestEnvironment.Eventually(() => Task.FromResult(collector.Received("/v1/metrics", counter)), $"{counter} reached the collector");
        }

        Assert.False(collector.Received("/v1/metrics", "4520123456"), "A phone number reached the collector.");
        Assert.False(collector.Received("/v1/metrics", "Busy now"), "A message text reached the collector.");
    }

    /// <summary>Takes every OTLP/HTTP export and keeps its path and body (protobuf: strings are readable as UTF-8 in it).</summary>
    sealed class FakeCollector : IDisposable
    {
        readonly HttpListener _listener = new();
        readonly ConcurrentQueue<(string Path, string Body)> _exports = new();

        public string BaseUrl { get; private init; } = "";

        public static FakeCollector Start()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var collector = new FakeCollector { BaseUrl = $"http://127.0.0.1:{port}" };
            collector._listener.Prefixes.Add(collector.BaseUrl + "/");
            collector._listener.Start();
            _ = collector.ServeAsync();
            return collector;
        }

        public bool Received(string path, string text) => _exports.Any(e => e.Path == path && e.Body.Contains(text, StringComparison.Ordinal));

        async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _exports.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
