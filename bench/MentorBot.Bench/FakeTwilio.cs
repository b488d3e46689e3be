using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MentorBot.Bench;

/// <summary>A local stand-in for Twilio's Messages API: answers 201 with a new SID and counts the messages per recipient.</summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    readonly HttpListener _listener = new();
    readonly Task _loop;

    FakeTwilio(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public ConcurrentDictionary<string, int> PerRecipient { get; } = new();

    int _total;

    /// <summary>Messages accepted so far; a counter of its own, since summing <see cref="PerRecipient"/> takes all its locks.</summary>
    public int Total => Volatile.Read(ref _total);

    public static FakeTwilio Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new FakeTwilio(port);
    }

    async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using var reader = new StreamReader(context.Request.InputStream);
                var form = System.Web.HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
                if (form["To"] is { } to)
                {
                    PerRecipient.AddOrUpdate(to, 1, (_, n) => n + 1);
                    Interlocked.Increment(ref _total);
                }

                context.Response.StatusCode = 201;
                context.Response.ContentType = "application/json";
                var body = System.Text.Encoding.UTF8.GetBytes($"{{\"sid\":\"SM{Guid.NewGuid():N}\",\"status\":\"queued\",\"error_code\":null}}");
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
    }
}
