using System.Diagnostics;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bench;

/// <summary>
/// <c>prompts --count 10000 --nodes 2</c>: that many prompts due at once, in one or several MentorBot
/// processes (the clustered scheduler in each), delivered to a local fake Twilio API. Measures the time
/// until every prompt is sent and every message has reached the API, and counts duplicates and losses
/// at the API against what the database queued.
/// </summary>
public static class PromptDrainBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var database = await BenchDatabase.StartAsync();
        var server = database.Server;
        await using var twilio = await FakeTwilio.StartAsync();
        var nodes = new List<AppProcess>();
        try
        {
            for (var i = 0; i < options.Nodes; i++)
            {
                // Each node reaches the fake API under a path of its own, so the fake counts each node's sends. The first one migrates.
                var settings = twilio.NodeSettings(server.ConnectionString, $"/{FakeTwilio.NodePrefix}{i + 1}");
                settings["Scheduler__PromptPollInterval"] = "00:00:01";
                settings["Scheduler__DispatchLanes"] = Lanes(options).ToString(System.Globalization.CultureInfo.InvariantCulture);
                settings["Scheduler__PlanInterval"] = "01:00:00";
                nodes.Add(await AppProcess.StartAsync(settings));
            }

            var options_ = new DbContextOptionsBuilder<MentorBotDb>().UseNpgsql(server.ConnectionString).Options;
            var branch = await BranchAsync(options_);
            if (options.Warmup > 0)
            {
                // A node that has been up a while: its code past the JIT's quick first tier, its pools and caches filled.
                await SeedAsync(options_, branch, options.Warmup, WarmupKind, "+4534");
                while (!await DoneAsync(options_, WarmupKind, options.Warmup))
                {
                    await Task.Delay(250);
                }
            }

            var warmedSends = twilio.Total;
            var warmedPerNode = twilio.PerNode.ToDictionary();
            var cpuBefore = AppCpu(nodes);
            var perNodeBefore = nodes.Select(node => node.CpuTime()).ToList();
            var stopwatch = await SeedAsync(options_, branch, options.Count, MeasuredKind, "+4533");
            var databaseCpuBefore = database.CpuTime(); // after the seed's own inserts
            var sentAt = TimeSpan.Zero;
            var cpuSent = TimeSpan.Zero;
            while (true)
            {
                await using var db = new MentorBotDb(options_);
                var sent = await db.ScheduledPrompts.CountAsync(p => p.Kind == MeasuredKind && p.Status == PromptStatus.Sent);
                if (sent == options.Count && sentAt == TimeSpan.Zero)
                {
                    sentAt = stopwatch.Elapsed;
                    cpuSent = AppCpu(nodes) - cpuBefore;
                }

                var queued = await db.Messages.CountAsync(m => m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Queued);
                if (sentAt != TimeSpan.Zero && queued == 0)
                {
                    break;
                }

                if (stopwatch.Elapsed > TimeSpan.FromMinutes(60))
                {
                    Console.Error.WriteLine($"Gave up after an hour: {sent} prompts sent, {queued} messages queued.");
                    return 1;
                }

                await Task.Delay(250);
            }

            var drained = stopwatch.Elapsed;
            var perNodeCpu = nodes.Select((node, i) => node.CpuTime() - perNodeBefore[i]).ToList();
            var cpu = AppCpu(nodes) - cpuBefore;
            var databaseCpu = database.CpuTime() - databaseCpuBefore;
            await Task.Delay(TimeSpan.FromSeconds(3)); // a duplicate would arrive now
            await using var check = new MentorBotDb(options_);
            var queuedPerPhone = (await check.Messages.Where(m => m.Direction == MessageDirection.Outbound)
                .Join(check.Participants, m => m.ParticipantId, p => p.Id, (m, p) => p.Phone!).ToListAsync())
                .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
            var duplicates = queuedPerPhone.Sum(q => Math.Max(0, twilio.PerRecipient.GetValueOrDefault(q.Key) - q.Value));
            var losses = queuedPerPhone.Sum(q => Math.Max(0, q.Value - twilio.PerRecipient.GetValueOrDefault(q.Key)));
            var twice = await check.ScheduledPrompts.CountAsync(p => p.Attempts != 1);
            Console.WriteLine();
            Console.WriteLine("| measure | value |");
            Console.WriteLine("| --- | --- |");
            Console.WriteLine($"| prompts due at once | {options.Count} on {options.Nodes} node(s), {Lanes(options)} dispatch lanes |");
            Console.WriteLine($"| all prompts sent (dialogs started, replies queued) | {sentAt.TotalSeconds:F1} s ({options.Count / sentAt.TotalSeconds:F0} prompts/s) |");
            if (options.Warmup > 0)
            {
                Console.WriteLine($"| warm-up before the clock started | {options.Warmup} prompts to other people, sent and delivered |");
            }

            Console.WriteLine($"| all messages accepted by the fake Twilio API | {drained.TotalSeconds:F1} s ({twilio.Total - warmedSends} messages) |");
            Console.WriteLine($"| app CPU time per prompt (all nodes) | {cpuSent.TotalMilliseconds / options.Count:F2} ms to send it, {cpu.TotalMilliseconds / options.Count:F2} ms with its message's delivery |");
            Console.WriteLine($"| database CPU time per prompt | {databaseCpu.TotalMilliseconds / options.Count:F2} ms with its message's delivery |");
            if (nodes.Count > 1)
            {
                // The share of the work: sends counted at the fake API, CPU from each process (dialogs started and sends both cost it).
                var sends = string.Join(" / ", Enumerable.Range(1, nodes.Count).Select(i => (twilio.PerNode.GetValueOrDefault(i) - warmedPerNode.GetValueOrDefault(i)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var cpuShares = string.Join(" / ", perNodeCpu.Select(c => $"{c.TotalSeconds:F1} s"));
                Console.WriteLine($"| messages sent by node 1 / 2 / … | {sends} |");
                Console.WriteLine($"| app CPU time of node 1 / 2 / … (from the seed to the last message accepted) | {cpuShares} |");
            }

            Console.WriteLine($"| duplicates / losses at the API | {duplicates} / {losses} |");
            Console.WriteLine($"| prompts sent more or less than once | {twice} |");
            return duplicates == 0 && losses == 0 && twice == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    static TimeSpan AppCpu(List<AppProcess> nodes) => nodes.Aggregate(TimeSpan.Zero, (sum, node) => sum + node.CpuTime());

    /// <summary>The default two lanes, or one per node when there are more nodes: each node then has one to run.</summary>
    static int Lanes(BenchOptions options) => Math.Max(2, options.Nodes);

    const string MeasuredKind = "bench";

    const string WarmupKind = "bench_warmup";

    /// <summary>A branch without quiet hours: the bench runs at any hour.</summary>
    static async Task<Branch> BranchAsync(DbContextOptions<MentorBotDb> options)
    {
        await using var db = new MentorBotDb(options);
        var branch = new Branch
        {
            Code = "bench", Name = "Bench", City = "Aarhus", CreatedAt = DateTimeOffset.UtcNow,
            Settings = new BranchSettings { QuietHoursStart = TimeOnly.MinValue, QuietHoursEnd = TimeOnly.MinValue, MaxPromptsPerDay = 10 },
        };
        db.Branches.Add(branch);
        await db.SaveChangesAsync();
        return branch;
    }

    /// <summary>One person per prompt, all due a minute ago; the clock starts at the commit.</summary>
    static async Task<Stopwatch> SeedAsync(DbContextOptions<MentorBotDb> options, Branch branch, int count, string kind, string phonePrefix)
    {
        await using var db = new MentorBotDb(options);
        var now = DateTimeOffset.UtcNow;
        var people = Enumerable.Range(0, count).Select(i => new Participant
        {
            BranchId = branch.Id, PreferredLanguage = "en", Status = ParticipantStatus.Active, Phone = $"{phonePrefix}{i:D6}", CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.Participants.AddRange(people);
        db.ScheduledPrompts.AddRange(people.Select(p => new ScheduledPrompt
        {
            ParticipantId = p.Id, Kind = kind, DialogId = "help", OccurrenceKey = $"{kind}:{p.Id}", DueAt = now.AddMinutes(-1), CreatedAt = now,
        }));
        await db.SaveChangesAsync();
        return Stopwatch.StartNew();
    }

    /// <summary>Every prompt of this kind sent and no message left queued.</summary>
    static async Task<bool> DoneAsync(DbContextOptions<MentorBotDb> options, string kind, int count)
    {
        await using var db = new MentorBotDb(options);
        return await db.ScheduledPrompts.CountAsync(p => p.Kind == kind && p.Status == PromptStatus.Sent) == count
            && !await db.Messages.AnyAsync(m => m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Queued);
    }
}
