using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Web;

namespace MentorBot.Tests.Infrastructure;

/// <summary>
/// A scripted stand-in for api.twilio.com on a free loopback port: records every request MentorBot makes
/// and answers each with what <see cref="Respond"/> says (by default: created). Point the app at it with
/// <c>Twilio__ApiBaseUrl</c>.
/// </summary>
public sealed class FakeTwilioApi : IAsyncDisposable
{
    public sealed record Request(string Method, string Path, string? Authorization, IReadOnlyDictionary<string, string> Form);

    public sealed record Response(int Status, string Json);

    readonly HttpListener _listener = new();
    readonly ConcurrentQueue<Request> _requests = new();
    readonly ConcurrentQueue<Response> _answered = new();
    readonly Task _loop;

    FakeTwilioApi(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    /// <summary>How to answer request number n (0-based). Default: 201 with a new SM sid.</summary>
    public Func<Request, int, Task<Response>> Respond { get; set; } = (_, _) => Task.FromResult(Created());

    public IReadOnlyList<Request> Requests => _requests.ToList();

    /// <summary>The answers that reached MentorBot (written completely), in order.</summary>
    public IReadOnlyList<Response> Answered => _answered.ToList();

    public static FakeTwilioApi Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new FakeTwilioApi(port);
    }

    public static Response Created(string? sid = null) => new(201, JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["sid"] = sid ?? "SM" + Guid.NewGuid().ToString("N"), ["status"] = "queued", ["account_sid"] = "AC0", ["error_code"] = null,
    }));

    /// <summary>Twilio's legacy error JSON.</summary>
    public static Response Error(int status, int code, string message) => new(status, JsonSerializer.Serialize(new
    {
        code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status,
    }));

    async Task LoopAsync()
    {
        var count = 0;
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var number = count++;
            _ = Task.Run(() => AnswerAsync(context, number));
        }
    }

    async Task AnswerAsync(HttpListenerContext context, int number)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var parsed = HttpUtility.ParseQueryString(body);
            var form = parsed.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => parsed[k]!);
            var request = new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], form);
            _requests.Enqueue(request);
            var response = await Respond(request, number);
            var bytes = Encoding.UTF8.GetBytes(response.Json);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
            _answered.Enqueue(response);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // MentorBot went away mid-request (the crash test kills it): this answer never reached it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
