using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MentorBot.Data.Embedded;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>
/// PostgreSQL stopped for about ten seconds while signed webhooks keep arriving, on a cluster of the test's own: what
/// was answered 200 is stored and answered once, the rest got 503 with Retry-After (never 500), and after the restart
/// Twilio's retries and the outbox go through without restarting MentorBot.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Postgres_stopped_under_500_webhooks_loses_nothing_answers_503_and_recovers_without_a_restart()
    {
        var folder = PostgresFixture.NewFolder("outage");
        var options = new EmbeddedPostgresOptions { Directory = folder, Durable = true, Port = FreePort() };
        var server = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance);
        try
        {
            await using var api = FakeTwilioApi.Start();
            var environment = RealAccount(server.ConnectionString, api.BaseUrl);
            environment["Twilio__MessagesPerSecond"] = "0";
            await using var bot = await BotProcess.ServeAsync(environment);

            const int Count = 500;
            var answers = new ConcurrentDictionary<int, (HttpStatusCode Status, string? RetryAfter)>();
            var webhooks = Enumerable.Range(0, Count).Select(i => InboundSms($"+4527{i:D6}", "Hej", $"SM{i:D32}")).ToList();
            async Task SendAsync(int i)
            {
                using var response = await PostSignedAsync(bot.BaseAddress, "/api/twilio/sms", webhooks[i]);
                answers[i] = (response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            // 500 webhooks over about 25 s, eight at a time; PostgreSQL goes away for 10 s after the first 5 s.
            var started = System.Diagnostics.Stopwatch.StartNew();
            var sending = Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                var due = TimeSpan.FromMilliseconds(50 * i) - started.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                await SendAsync(i);
            });
            await Task.Delay(TimeSpan.FromSeconds(5));
            await server.DisposeAsync();
            await Task.Delay(TimeSpan.FromSeconds(10));
            server = await EmbeddedPostgres.StartAsync(options, NullLogger.Instance);
            await sending;

            Assert.All(answers.Values, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"answered {(int)a.Status}"));
            var refused = answers.Where(a => a.Value.Status == HttpStatusCode.ServiceUnavailable).Select(a => a.Key).Order().ToList();
            Assert.NotEmpty(refused); // the outage was felt…
            Assert.True(refused.Count < Count / 2, $"{refused.Count} of {Count} refused");
            Assert.All(refused, i => Assert.Equal("10", answers[i].RetryAfter));

            // …and Twilio's retries of the refused ones go through on the same MentorBot.
            foreach (var i in refused)
            {
                await SendAsync(i);
                Assert.Equal(HttpStatusCode.OK, answers[i].Status);
            }

            await using var db = TestDb.Open(server.ConnectionString);
            var inbound = await db.Messages.Where(m => m.Direction == MessageDirection.Inbound).Select(m => m.ProviderMessageId!).ToListAsync();
            Assert.Equal(webhooks.Select(w => w["MessageSid"]).Order(), inbound.Order()); // each stored, once

            // Each got the same answer once: the welcome a first "Hej" gets, queued once and accepted by Twilio once.
            var replies = await db.Messages.Where(m => m.Direction == MessageDirection.Outbound)
                .GroupBy(m => m.ConversationId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(Count, replies.Count);
            Assert.Single(replies.Distinct());
            await Eventually(async () =>
            {
                await using var check = TestDb.Open(server.ConnectionString);
                return await check.Messages.CountAsync(m => m.Direction == MessageDirection.Outbound && m.ProviderMessageId == null) == 0;
            }, "the outbox sent every reply after the restart", seconds: 120);
            Assert.Equal(replies.Sum(), api.Messages.Count);
            Assert.All(api.Messages.GroupBy(m => m.To), g => Assert.Equal(replies[0], g.Count()));
        }
        finally
        {
            await server.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
