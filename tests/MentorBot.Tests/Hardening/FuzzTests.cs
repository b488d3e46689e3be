using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using MentorBot.Bot.Channels.Twilio.Simulator;
using MentorBot.Tests.Infrastructure;
using static MentorBot.Tests.Hardening.FuzzInputs;
using static MentorBot.Tests.Infrastructure.WebChatTestEnvironment;

namespace MentorBot.Tests.Hardening;

/// <summary>
/// Thousands of generated malformed requests against every public endpoint of the real app, on loopback: Twilio's
/// webhooks (bad, missing and misplaced signatures, odd encodings, huge, empty and repeated fields), Direct Line
/// (bad JSON, wrong types, huge activities, unknown conversations, other conversations' tokens), the token
/// endpoint, /chat, the console login and the simulator. No answer may be a 5xx, the forged half may store nothing,
/// and /health stays 200. The seed is fixed (<c>FUZZ_SEED</c> replays another) and printed with every failure.
/// </summary>
public sealed class FuzzTests(PostgresFixture postgres)
{
    const string AuthToken = "fuzz-auth-token-0123456789";
    const int ForgedRequests = 5_000;
    const int AuthenticRequests = 5_000;

    static readonly string[] StoredTables = ["participants", "conversations", "messages", "direct_line_activities", "phone_verifications", "consents", "profiles"];

    /// <summary>What every generated request may use: the app and two open conversations.</summary>
    sealed record World(Uri Base, Grant Mine, Grant Hers, string ExpiredToken, string ForgedToken);

    /// <summary>One kind of request: its name, whether it carries valid credentials, and how to make it.</summary>
    sealed record Target(string Name, bool Authentic, Func<Random, World, HttpRequestMessage> Make);

    static readonly Target[] Targets =
    [
        // --- forged or unauthenticated: must change nothing ---
        new("twilio sms, bad or missing signature", false, (r, w) => Webhook(r, w, "/api/twilio/sms", sign: false)),
        new("twilio status, bad or missing signature", false, (r, w) => Webhook(r, w, "/api/twilio/status", sign: false)),
        new("twilio sms, signed for another URL", false, (r, w) => Webhook(r, w, "/api/twilio/sms", sign: true, signedPath: "/api/twilio/status")),
        new("direct line, bad credentials", false, (r, w) => DirectLine(r, w, ForgedCredential(r, w), Pick(r, [w.Mine.ConversationId, "unknown", Text(r)]))),
        new("direct line, another conversation's token", false, (r, w) => DirectLine(r, w, w.Mine.Token, w.Hers.ConversationId, exceptStart: true)),
        new("simulator api, bad credentials", false, (r, w) => Request(r, Pick(r, [HttpMethod.Get, HttpMethod.Post]),
            new Uri(w.Base, $"/simulator/twilio/2010-04-01/Accounts/{Uri.EscapeDataString(Short(r, 40))}/Messages.json"), Body(r), "Basic " + Short(r, 20))),
        new("console login, made-up forms", false, (r, w) => Request(r, HttpMethod.Post, new Uri(w.Base, "/console/login"), FormBody(r), null)),
        new("web chat token, malformed", false, (r, w) => Request(r, HttpMethod.Post, new Uri(w.Base, "/api/webchat/token"), Body(r), null)),
        new("chat page, odd query", false, (r, w) => new HttpRequestMessage(HttpMethod.Get, new Uri(w.Base, "/chat?lang=" + Uri.EscapeDataString(Short(r, 500))))),

        // --- authentic credentials, malformed content: may store, must never fail ---
        new("twilio sms, signed, odd fields", true, (r, w) => Webhook(r, w, "/api/twilio/sms", sign: true)),
        new("twilio status, signed, odd fields", true, (r, w) => Webhook(r, w, "/api/twilio/status", sign: true)),
        new("direct line, own token, malformed", true, (r, w) => DirectLine(r, w, w.Mine.Token, w.Mine.ConversationId)),
        new("direct line, the secret, malformed", true, (r, w) => DirectLine(r, w, Secret, Pick(r, [w.Hers.ConversationId, "unknown-" + r.Next()]))),
        new("test phone, odd input", true, (r, w) => Request(r, HttpMethod.Post, new Uri(w.Base, "/simulator/phone/messages"), Body(r, phone: true), null)),
        new("test phone, odd number", true, (r, w) => new HttpRequestMessage(HttpMethod.Get, new Uri(w.Base, "/simulator/phone/messages?number=" + Uri.EscapeDataString(Short(r, 200))))),
    ];

    [Fact]
    public async Task Ten_thousand_malformed_requests_get_no_5xx_forged_ones_store_nothing_and_health_stays_200()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var chosen) ? chosen : 17;
        var database = await postgres.CreateDatabaseAsync();
        var settings = Settings(database);
        settings["Twilio__AuthToken"] = AuthToken; // the simulator's webhooks are signed with it
        settings["Twilio__MessagesPerSecond"] = "1000";
        settings["WebChatTokenLimit__PermitLimit"] = "100000";
        settings["DirectLineLimits__PostsPerConversation"] = "1000000"; // one client floods on purpose: the handlers, not the limits, are under test
        settings["DirectLineLimits__PostsPerAddress"] = "1000000";
        settings["DirectLineLimits__ConversationStartsPerAddress"] = "1000000";
        settings["Console__LoginAttemptsPerMinute"] = "10000";
        settings["Logging__LogLevel__Default"] = "Warning";
        await using var bot = await BotProcess.ServeAsync(settings);
        var world = await WorldAsync(bot);
        var log = TestContext.Current.TestOutputHelper;
        log?.WriteLine($"Fuzz seed {seed} (replay with FUZZ_SEED={seed})");

        var before = await CountsAsync(database);
        var forged = await SendAsync(world, seed, Targets.Where(t => !t.Authentic).ToArray(), ForgedRequests, offset: 0);
        var afterForged = await CountsAsync(database);
        var authentic = await SendAsync(world, seed, Targets.Where(t => t.Authentic).ToArray(), AuthenticRequests, offset: ForgedRequests);

        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        using var health = await http.GetAsync("/health");
        var failures = forged.Failures.Concat(authentic.Failures).ToList();
        var summary = $"seed {seed}: {forged.Sent + authentic.Sent} requests sent ({forged.Sent} forged, {authentic.Sent} authentic) in {forged.Elapsed + authentic.Elapsed:mm\\:ss}; "
            + $"statuses {string.Join(", ", forged.Statuses.Concat(authentic.Statuses).GroupBy(s => s.Key).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Sum(s => s.Value)}"))}";
        log?.WriteLine(summary);
        Console.WriteLine($"[fuzz] {summary}");

        var appErrors = string.Join('\n', bot.Output.Split('\n').Where(line => line.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase)).Select(line => line[(line.IndexOf("application.", StringComparison.Ordinal) + 1)..]).Select(line => line[..Math.Min(700, line.Length)]).Distinct().Take(6));
        Assert.True(failures.Count == 0, $"{summary}\nthe app's errors:\n{appErrors}\n{failures.Count} failures, first ones:\n{string.Join('\n', failures.OrderBy(f => f.Contains("connection failed", StringComparison.Ordinal)).Take(15))}");
        Assert.Equal(before, afterForged);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.True(forged.Sent + authentic.Sent >= 10_000, summary);
    }

    sealed record Run(int Sent, List<string> Failures, Dictionary<int, int> Statuses, TimeSpan Elapsed);

    static async Task<Run> SendAsync(World world, int seed, Target[] targets, int count, int offset)
    {
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        await Parallel.ForEachAsync(Enumerable.Range(offset, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (n, ct) =>
        {
            var random = new Random(HashCode.Combine(seed, n));
            var target = Pick(random, targets);
            using var request = target.Make(random, world);
            var what = $"#{n} {target.Name}: {request.Method} {request.RequestUri?.PathAndQuery[..Math.Min(120, request.RequestUri.PathAndQuery.Length)]}";
            try
            {
                using var response = await SendOnceMoreIfClosedAsync(http, request, () => Replay(seed, n, targets, world), ct);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{what} → {(int)response.StatusCode} {(await response.Content.ReadAsStringAsync(ct))[..Math.Min(200, (int)(response.Content.Headers.ContentLength ?? 200))]}");
                }
                else if (!target.Authentic && response.IsSuccessStatusCode && !target.Name.StartsWith("chat page", StringComparison.Ordinal)
                    && !target.Name.StartsWith("web chat token", StringComparison.Ordinal) && !target.Name.StartsWith("console login", StringComparison.Ordinal))
                {
                    failures.Add($"{what} → {(int)response.StatusCode}: a forged request was accepted");
                }
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{what} → connection failed: {e.Message}");
            }
        });
        return new Run(count, [.. failures], new Dictionary<int, int>(statuses), clock.Elapsed);
    }

    /// <summary>Request <paramref name="n"/> of the run again, made from the same seed as the first time.</summary>
    static HttpRequestMessage Replay(int seed, int n, Target[] targets, World world)
    {
        var random = new Random(HashCode.Combine(seed, n));
        return Pick(random, targets).Make(random, world);
    }

    /// <summary>
    /// Sends it; when the connection fails before any answer, sends the same request again once on a new connection.
    /// Kestrel closes a connection after some answers (a 413, a 431, a body it would not drain), and a request the pool
    /// put on that connection just before its close arrived fails in the client without reaching the app (one in 10,000
    /// here, now and then). A second failure is the app's: it is reported.
    /// </summary>
    static async Task<HttpResponseMessage> SendOnceMoreIfClosedAsync(HttpClient http, HttpRequestMessage request, Func<HttpRequestMessage> again, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (HttpRequestException)
        {
            using var fresh = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
            using var repeated = again();
            var response = await fresh.SendAsync(repeated, ct);
            await response.Content.LoadIntoBufferAsync(ct); // read before the client that carried it goes
            return response;
        }
    }

    static async Task<World> WorldAsync(BotProcess bot)
    {
        async Task<Grant> OpenAsync()
        {
            var grant = await PageTokenAsync(bot, "da");
            using var http = WebChatTestEnvironment.DirectLine(bot, grant.Token);
            (await http.PostAsync("conversations", JsonContent.Create(new { }))).EnsureSuccessStatusCode();
            return grant;
        }

        var mine = await OpenAsync();
        var hers = await OpenAsync();
        return new World(bot.BaseAddress, mine, hers,
            Tokens(new FixedClock(DateTimeOffset.UtcNow.AddHours(-3))).Issue(mine.ConversationId, "dl_x", null),
            Tokens(TimeProvider.System, "not-the-secret-at-all").Issue(mine.ConversationId, "dl_x", null));
    }

    static async Task<Dictionary<string, long>> CountsAsync(string database)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in StoredTables)
        {
            counts[table] = await TestSql.ScalarAsync<long>(database, $"SELECT count(*) FROM {table}");
        }

        return counts;
    }

    // --- request makers ---

    static string ForgedCredential(Random random, World world) =>
        Pick(random, ["", "Bearer", "Bearer ", "Basic abc", "Bearer " + world.ExpiredToken, "Bearer " + world.ForgedToken, "Bearer " + Text(random), "Bearer a.b.c", "Bearer " + Secret + "x"]);

    static HttpRequestMessage DirectLine(Random random, World world, string credential, string conversationId, bool exceptStart = false)
    {
        var id = Uri.EscapeDataString(conversationId.Length > 300 ? conversationId[..300] : conversationId);
        var routes = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Post, "tokens/generate"), (HttpMethod.Post, "tokens/refresh"), (HttpMethod.Post, "conversations"),
            (HttpMethod.Get, $"conversations/{id}"), (HttpMethod.Get, $"conversations/{id}?watermark={Uri.EscapeDataString(Short(random, 50))}"),
            (HttpMethod.Get, $"conversations/{id}/activities"), (HttpMethod.Get, $"conversations/{id}/activities?watermark=-1"),
            (HttpMethod.Post, $"conversations/{id}/activities"), (HttpMethod.Post, $"conversations/{id}/activities"), (HttpMethod.Post, $"conversations/{id}/activities"),
            (HttpMethod.Post, $"conversations/{id}/upload"), (HttpMethod.Get, $"conversations/{id}/stream?t={Uri.EscapeDataString(credential)}"),
            (HttpMethod.Delete, $"conversations/{id}"), (HttpMethod.Put, $"conversations/{id}/activities"),
        };
        var (method, path) = Pick(random, exceptStart ? routes.Where(r => r.Path != "conversations" && !r.Path.StartsWith("tokens", StringComparison.Ordinal)).ToArray() : routes);
        var authorization = credential.StartsWith("Bearer", StringComparison.Ordinal) || credential.StartsWith("Basic", StringComparison.Ordinal) || credential.Length == 0
            ? credential
            : "Bearer " + credential;
        return Request(random, method, new Uri(world.Base, "/v3/directline/" + path), method == HttpMethod.Get ? null : Body(random), authorization);
    }

    /// <summary>A JSON body shaped like an activity with wrong types and odd values, or no JSON at all.</summary>
    static (byte[] Bytes, string? ContentType)? Body(Random random, bool phone = false)
    {
        var contentType = random.Next(4) == 0 ? Pick(random, ContentTypes) : "application/json";
        if (random.Next(3) == 0)
        {
            return (Pick(random, RawBodies).Make(random), contentType);
        }

        var body = new Dictionary<string, object?>();
        foreach (var key in phone ? new[] { "from", "body", "number" } : ["type", "text", "from", "channelData", "attachments", "locale", "user", "resume", "value"])
        {
            if (random.Next(3) > 0)
            {
                body[key] = random.Next(3) switch
                {
                    0 => JsonValue(random),
                    1 when key == "type" => Pick(random, ["message", "typing", "event", "", "MESSAGE"]),
                    _ => Text(random),
                };
            }
        }

        if (random.Next(20) == 0)
        {
            body["text"] = new string('y', 600_000); // beyond every size limit
        }

        return (Json(body), contentType);
    }

    static (byte[] Bytes, string? ContentType)? FormBody(Random random)
    {
        if (random.Next(3) == 0)
        {
            return (Pick(random, RawBodies).Make(random), Pick(random, ContentTypes));
        }

        var fields = Enumerable.Range(0, random.Next(0, 6)).Select(_ => new KeyValuePair<string, string>(Pick(random, ["Email", "Password", "__RequestVerificationToken", "Input.Email", Text(random)]), Text(random)));
        return (Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key.Length > 2000 ? f.Key[..2000] : f.Key) + "=" + Uri.EscapeDataString(f.Value.Length > 50_000 ? f.Value[..50_000] : f.Value)))),
            "application/x-www-form-urlencoded");
    }

    /// <summary>A Twilio-style form post: odd values, repeated names, broken encodings; signed correctly, for another URL, or not at all.</summary>
    static HttpRequestMessage Webhook(Random random, World world, string path, bool sign, string? signedPath = null)
    {
        var names = new[] { "MessageSid", "From", "To", "Body", "AccountSid", "MessageStatus", "ErrorCode", "OptOutType", "NumMedia", "SmsStatus" };
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var name in names)
        {
            if (random.Next(4) > 0)
            {
                var value = name switch
                {
                    "MessageSid" when random.Next(2) == 0 => "SM" + Guid.NewGuid().ToString("N"),
                    "From" when random.Next(2) == 0 => Pick(random, ["+4520000099", "whatsapp:+4520000099", "+1", "0", "+452000009900000000"]),
                    "MessageStatus" when random.Next(2) == 0 => Pick(random, ["delivered", "failed", "undelivered", "sent", "read", "bogus"]),
                    _ => Text(random),
                };
                fields.Add(new(name, value.Length > 100_000 ? value[..100_000] : value));
                if (random.Next(8) == 0)
                {
                    fields.Add(new(name, Text(random))); // a repeated name
                }
            }
        }

        var url = new Uri(world.Base, path);
        byte[] bytes;
        string? contentType = "application/x-www-form-urlencoded";
        if (random.Next(6) == 0)
        {
            bytes = Pick(random, RawBodies).Make(random);
            contentType = Pick(random, ContentTypes);
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Content(bytes, contentType) };
        if (sign)
        {
            var signedUrl = signedPath is null ? url.ToString() : new Uri(world.Base, signedPath).ToString();
            var grouped = fields.GroupBy(f => f.Key).Select(g => new KeyValuePair<string, string>(g.Key, g.Last().Value));
            request.Headers.TryAddWithoutValidation(SimulatorWebhookSigner.Header, SimulatorWebhookSigner.Sign(AuthToken, signedUrl, signedPath is null ? fields : grouped));
        }
        else if (random.Next(2) == 0)
        {
            request.Headers.TryAddWithoutValidation(SimulatorWebhookSigner.Header, HeaderSafe(Pick(random, ["", "abc", Convert.ToBase64String(new byte[20]), Short(random, 100)])));
        }

        return request;
    }

    static HttpRequestMessage Request(Random random, HttpMethod method, Uri url, (byte[] Bytes, string? ContentType)? body, string? authorization)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is { } b && method != HttpMethod.Get)
        {
            request.Content = Content(b.Bytes, b.ContentType);
        }

        if (!string.IsNullOrEmpty(authorization))
        {
            request.Headers.TryAddWithoutValidation("Authorization", HeaderSafe(authorization));
        }

        if (random.Next(10) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", Pick(random, ["ar", "*", "xx-YY;q=abc", ""]));
        }

        return request;
    }

    /// <summary>A header value HttpClient will send: printable ASCII only (the odd bytes go in bodies and URLs).</summary>
    static string HeaderSafe(string value) => new(value.Where(c => c is >= ' ' and <= '~').ToArray());

    static ByteArrayContent Content(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }
}
