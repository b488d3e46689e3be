using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Web;

namespace MentorBot.Tests.Infrastructure;

/// <summary>
/// A scripted stand-in for api.twilio.com on a free loopback port: records every request MentorBot makes and
/// answers each POST with what <see cref="Respond"/> says (by default: created). A 201 counts as a message Twilio
/// has, whether or not the answer reached MentorBot, and the list endpoint (<c>GET …/Messages.json</c>) shows those,
/// filtered by To, From and <c>DateSent&gt;</c> (which, as at Twilio, hides a message still queued), newest sent first
/// with unsent ones on top, <see cref="ListPageSize"/> a page with a <c>next_page_uri</c>. Point the app at it with
/// <c>Twilio__ApiBaseUrl</c>.
/// </summary>
public sealed class FakeTwilioApi : IAsyncDisposable
{
    public sealed record Request(string Method, string Path, string? Authorization, IReadOnlyDictionary<string, string> Form)
    {
        public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

        /// <summary>When the fake had read the request: what pacing is judged by.</summary>
        public DateTimeOffset ReceivedAt { get; init; }
    }

    public sealed record Response(int Status, string Json)
    {
        /// <summary>Headers to answer with, e.g. Retry-After.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

        /// <summary>The connection is cut after the status line and part of the body: the request arrived, the answer never did.</summary>
        public bool Cut { get; init; }

        /// <summary>How long the answer takes after the message was created (a client that gives up first never hears it).</summary>
        public TimeSpan Delay { get; init; }

        /// <summary>A created message stays queued at "Twilio": no date sent yet, so a <c>DateSent&gt;</c> filter would not find it.</summary>
        public bool StaysQueued { get; init; }
    }

    /// <summary>A message "Twilio" created: a POST answered 201. <see cref="DateSent"/> is null while it is queued.</summary>
    public sealed record Created(string Sid, string To, string? From, string? Body, DateTimeOffset DateCreated)
    {
        public DateTimeOffset? DateSent { get; init; } = DateCreated;
    }

    readonly HttpListener _listener = new();
    readonly ConcurrentQueue<Request> _requests = new();
    readonly ConcurrentQueue<Response> _answered = new();
    readonly ConcurrentQueue<Created> _created = new();
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
    public Func<Request, int, Task<Response>> Respond { get; set; } = (_, _) => Task.FromResult(Accept());

    public IReadOnlyList<Request> Requests => _requests.ToList();

    /// <summary>The answers that reached MentorBot (written completely), in order.</summary>
    public IReadOnlyList<Response> Answered => _answered.ToList();

    /// <summary>The sends MentorBot made (the list requests left out).</summary>
    public IReadOnlyList<Request> Posts => _requests.Where(r => r.Method == "POST").ToList();

    /// <summary>Every message this fake Twilio created, in order, including ones whose answer never reached MentorBot.</summary>
    public IReadOnlyList<Created> Messages => _created.ToList();

    /// <summary>At most this many messages a page of the list (Twilio's default is 50).</summary>
    public int ListPageSize { get; set; } = 50;

    /// <summary>A message Twilio has without MentorBot having sent it now (an earlier send, another app on the account).</summary>
    public void Seed(string to, string? from, string body, DateTimeOffset dateCreated) =>
        _created.Enqueue(new Created("SM" + Guid.NewGuid().ToString("N"), to, from, body, dateCreated));

    public static FakeTwilioApi Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new FakeTwilioApi(port);
    }

    public static Response Accept(string? sid = null) => new(201, JsonSerializer.Serialize(new Dictionary<string, object?>
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

            // Only sends are numbered for Respond: the list requests are answered from what was created.
            var number = IsList(context.Request) ? -1 : count++;
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
            var query = context.Request.QueryString;
            var request = new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], form)
            {
                Query = query.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => query[k]!), ReceivedAt = DateTimeOffset.UtcNow,
            };
            _requests.Enqueue(request);
            var response = number < 0 ? List(request) : await Respond(request, number);
            if (number >= 0 && response.Status == 201 && CreatedSid(response.Json) is { } sid)
            {
                // Twilio has it now, whether or not this answer reaches MentorBot.
                form.TryGetValue("From", out var from);
                form.TryGetValue("Body", out var text);
                var now = DateTimeOffset.UtcNow;
                _created.Enqueue(new Created(sid, form.GetValueOrDefault("To", ""), from, text, now) { DateSent = response.StaysQueued ? null : now });
            }

            if (response.Cut && response.Status == 0)
            {
                context.Response.Abort(); // dropped before "Twilio" did anything with it
                return;
            }

            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay);
            }

            var bytes = Encoding.UTF8.GetBytes(response.Json);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in response.Headers)
            {
                context.Response.AddHeader(name, value);
            }

            context.Response.ContentLength64 = bytes.Length;
            if (response.Cut)
            {
                await context.Response.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await context.Response.OutputStream.FlushAsync();
                context.Response.Abort();
                return;
            }

            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
            _answered.Enqueue(response);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // MentorBot went away mid-request (the crash test kills it): this answer never reached it.
        }
    }

    /// <summary>The SID of a created message, or null for a 2xx a test made unreadable on purpose.</summary>
    static string? CreatedSid(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("sid", out var sid) ? sid.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static bool IsList(HttpListenerRequest request) => request.HttpMethod == "GET" && request.Url!.AbsolutePath.EndsWith("/Messages.json", StringComparison.Ordinal);

    /// <summary>
    /// Twilio's list: To, From and DateSent&gt; filters (a message's date sent is when it was created here, none while
    /// queued), newest sent first with the unsent on top, paged.
    /// </summary>
    Response List(Request request)
    {
        var q = request.Query;
        DateTimeOffset? since = q.TryGetValue("DateSent>", out var after) ? DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture) : null;
        var matching = _created
            .Where(m => (!q.TryGetValue("To", out var to) || m.To == to) && (!q.TryGetValue("From", out var from) || m.From == from))
            .Where(m => since is null || m.DateSent >= since)
            .OrderBy(m => m.DateSent is null ? 0 : 1).ThenByDescending(m => m.DateSent).ThenByDescending(m => m.DateCreated)
            .ToList();
        var size = Math.Min(ListPageSize, q.TryGetValue("PageSize", out var s) ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 50);
        var page = q.TryGetValue("Page", out var p) ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var next = (page + 1) * size < matching.Count
            ? request.Path + "?" + string.Join('&', q.Where(kv => kv.Key is not "Page" and not "PageSize").Append(new("PageSize", size.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(new("Page", (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)))
            : null;
        return new Response(200, JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["messages"] = matching.Skip(page * size).Take(size).Select(m => new Dictionary<string, object?>
            {
                ["sid"] = m.Sid, ["to"] = m.To, ["from"] = m.From, ["body"] = m.Body, ["direction"] = "outbound-api", ["status"] = m.DateSent is null ? "queued" : "sent",
                ["date_created"] = m.DateCreated.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", System.Globalization.CultureInfo.InvariantCulture),
                ["date_sent"] = m.DateSent?.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", System.Globalization.CultureInfo.InvariantCulture),
            }).ToList(),
            // Twilio's SDKs know a 2010 API page by its "uri"; without it they see no next page.
            ["uri"] = request.Path, ["page"] = page, ["page_size"] = size, ["next_page_uri"] = next,
        }));
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
