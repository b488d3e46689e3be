using System.Diagnostics;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bench;

/// <summary>
/// <c>outbox --count 20000</c>: that many replies queued at once, one to each of as many people, sent by one MentorBot
/// node with pacing off to a local fake Twilio API. Measures messages a second from the commit that queued them to the
/// last one accepted, the app's CPU time per message, and duplicates and losses at the API.
/// </summary>
public static class OutboxDrainBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var database = await BenchDatabase.StartAsync();
        var server = database.Server;
        await using var twilio = await FakeTwilio.StartAsync();
        AppProcess? node = null;
        try
        {
            var settings = twilio.NodeSettings(server.ConnectionString);
            settings["Scheduler__Enabled"] = "false";
            node = await AppProcess.StartAsync(settings);
            var dbOptions = new DbContextOptionsBuilder<MentorBotDb>().UseNpgsql(server.ConnectionString).Options;
            await Task.Delay(TimeSpan.FromSeconds(2)); // the node settles (its first heartbeat, its first empty claim)
            var cpuBefore = node.CpuTime();
            var stopwatch = await SeedAsync(dbOptions, options.Count);
            var databaseCpuBefore = database.CpuTime(); // after the seed's own inserts
            var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            while (twilio.Total < options.Count)
            {
                if (stopwatch.Elapsed > TimeSpan.FromMinutes(30))
                {
                    Console.Error.WriteLine($"Gave up after 30 minutes: {twilio.Total} of {options.Count} accepted.");
                    return 1;
                }

                await Task.Delay(20);
            }

            var drained = stopwatch.Elapsed;
            var cpu = node.CpuTime() - cpuBefore;
            var databaseCpu = database.CpuTime() - databaseCpuBefore;
            var benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore;
            await Task.Delay(TimeSpan.FromSeconds(3)); // a duplicate would arrive now
            await using var check = new MentorBotDb(dbOptions);
            var recorded = await check.Messages.CountAsync(m => m.ProviderMessageId != null);
            var duplicates = twilio.PerRecipient.Values.Sum(n => Math.Max(0, n - 1));
            var losses = options.Count - twilio.PerRecipient.Count;
            Console.WriteLine();
            Console.WriteLine("| measure | value |");
            Console.WriteLine("| --- | --- |");
            Console.WriteLine($"| replies queued at once | {options.Count}, to as many people, one node, pacing off |");
            Console.WriteLine($"| all accepted by the fake Twilio API | {drained.TotalSeconds:F1} s ({options.Count / drained.TotalSeconds:F0} messages/s) |");
            Console.WriteLine($"| app CPU time per message | {cpu.TotalMilliseconds / options.Count:F2} ms ({cpu.TotalSeconds:F1} s in all) |");
            Console.WriteLine($"| database CPU time per message | {databaseCpu.TotalMilliseconds / options.Count:F2} ms ({databaseCpu.TotalSeconds:F1} s in all) |");
            Console.WriteLine($"| fake API's CPU time per message (the benchmark's process) | {benchCpu.TotalMilliseconds / options.Count:F2} ms |");
            Console.WriteLine($"| SIDs stored 3 s later | {recorded} |");
            Console.WriteLine($"| duplicates / losses at the API | {duplicates} / {losses} |");
            return duplicates == 0 && losses == 0 ? 0 : 1;
        }
        finally
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>One person, one SMS conversation and one queued reply each, committed at once; the clock starts at the commit.</summary>
    static async Task<Stopwatch> SeedAsync(DbContextOptions<MentorBotDb> options, int count)
    {
        await using var db = new MentorBotDb(options);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var phone = $"+4532{i:D6}";
            var person = new Participant { Phone = phone, PreferredLanguage = "da", Status = ParticipantStatus.Active, CreatedAt = now, UpdatedAt = now };
            var conversation = new Conversation { ParticipantId = person.Id, Channel = Channel.Sms, ChannelConversationId = phone, StartedAt = now, LastActivityAt = now };
            db.Participants.Add(person);
            db.Conversations.Add(conversation);
            db.Messages.Add(new Message
            {
                ConversationId = conversation.Id, ParticipantId = person.Id, Channel = Channel.Sms, Direction = MessageDirection.Outbound,
                Author = MessageAuthor.Bot, Text = $"Hej, her er dit svar nummer {i}.", DeliveryStatus = DeliveryStatus.Queued,
                CreatedAt = now.AddTicks(i * TimeSpan.TicksPerMicrosecond), UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync();
        return Stopwatch.StartNew();
    }
}
