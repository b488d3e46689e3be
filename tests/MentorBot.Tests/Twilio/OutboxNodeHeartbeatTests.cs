using MentorBot.Tests.Infrastructure;
using static MentorBot.Tests.Infrastructure.TwilioTestEnvironment;

namespace MentorBot.Tests.Twilio;

/// <summary>
/// The running app's heartbeat in <c>outbox_nodes</c>, on an idle node (no sends, so no claim refreshes it): it beats
/// three times per <c>Twilio__NodeLease</c>, forgets nodes long gone, and takes its row away when it stops. Its two
/// statements in one command once failed at every beat (42601), and only a warning in the log said so.
/// </summary>
public sealed class OutboxNodeHeartbeatTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_idle_node_refreshes_its_row_at_every_beat_and_removes_it_when_it_stops()
    {
        var database = await postgres.CreateDatabaseAsync();
        var environment = RealAccount(database);
        environment["Twilio__NodeLease"] = "00:00:01.5"; // a beat every half second
        await TestSql.ExecuteAsync(database, "INSERT INTO outbox_nodes (node_id, seen_at) VALUES ('gone-node', now() - interval '2 days')");
        string ours;

        await using (var bot = await BotProcess.ServeAsync(environment))
        {
            ours = $"{Environment.MachineName}-{bot.Id}-";
            var beats = new List<DateTime>();
            await Eventually(async () =>
            {
                var seen = await SeenAtAsync(database, ours);
                if (seen is { } at && (beats.Count == 0 || at > beats[^1]))
                {
                    beats.Add(at);
                }

                return beats.Count >= 4;
            }, "the node's seen_at advanced at three beats after its first", seconds: 20);

            Assert.Empty(await TestSql.RowsAsync(database, "SELECT 1 FROM outbox_nodes WHERE node_id = 'gone-node'")); // forgotten after a day
            Assert.DoesNotContain("Could not tell the cluster", bot.Output);
        }

        Assert.Empty(await TestSql.RowsAsync(database, $"SELECT 1 FROM outbox_nodes WHERE node_id LIKE '{ours}%'"));
    }

    static async Task<DateTime?> SeenAtAsync(string database, string nodePrefix)
    {
        var rows = await TestSql.RowsAsync(database, $"SELECT seen_at FROM outbox_nodes WHERE node_id LIKE '{nodePrefix}%'");
        return rows.Count == 1 ? (DateTime)rows[0][0] : null;
    }
}
