using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bench;

/// <summary>
/// A local stand-in for Twilio's Messages API on Kestrel: answers every POST 201 with a new SID and counts the messages
/// per recipient. (On HttpListener every answer waited 40 ms for the client's delayed ACK: its headers and body went out
/// in two writes, and Nagle held the second. That capped a node at its sends in flight / 44 ms, whatever MentorBot did.)
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    readonly WebApplication _app;
    int _total;

    FakeTwilio(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public ConcurrentDictionary<string, int> PerRecipient { get; } = new();

    /// <summary>A node whose <c>Twilio__ApiBaseUrl</c> ends in <c>/node2</c> has its sends counted as node 2's.</summary>
    public const string NodePrefix = "node";

    /// <summary>Messages accepted per node (see <see cref="NodePrefix"/>); nodes given the bare base URL are not counted here.</summary>
    public ConcurrentDictionary<int, int> PerNode { get; } = new();

    /// <summary>Messages accepted so far; a counter of its own, since summing <see cref="PerRecipient"/> takes all its locks.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>The nodes' Twilio auth token, which the webhook benchmark signs with.</summary>
    public const string AuthToken = "bench_token";

    /// <summary>
    /// A node's settings to send here: a Twilio account of its own (the bench's token also marks its processes for
    /// profilers), pacing off, and the database it runs on. <paramref name="path"/> names the node (see <see cref="NodePrefix"/>).
    /// </summary>
    public Dictionary<string, string> NodeSettings(string connectionString, string path = "") => new()
    {
        ["ConnectionStrings__MentorBot"] = connectionString,
        ["Twilio__AccountSid"] = "AC" + new string('0', 32),
        ["Twilio__AuthToken"] = AuthToken,
        ["Twilio__FromNumber"] = "+4570000000",
        ["Twilio__ApiBaseUrl"] = BaseUrl + path,
        ["Twilio__MessagesPerSecond"] = "0",
    };

    public static async Task<FakeTwilio> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeTwilio? fake = null;
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["To"].ToString() is { Length: > 0 } to)
            {
                fake!.PerRecipient.AddOrUpdate(to, 1, (_, n) => n + 1);
                Interlocked.Increment(ref fake._total);
                var first = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
                if (first.StartsWith(NodePrefix, StringComparison.Ordinal) && int.TryParse(first[NodePrefix.Length..], out var node))
                {
                    fake.PerNode.AddOrUpdate(node, 1, (_, n) => n + 1);
                }
            }

            return Results.Content($"{{\"sid\":\"SM{Guid.NewGuid():N}\",\"status\":\"queued\",\"error_code\":null}}", "application/json", statusCode: 201);
        });
        await app.StartAsync();
        fake = new FakeTwilio(app, app.Urls.First()); // the port Kestrel chose
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
