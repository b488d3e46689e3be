using System.Diagnostics;
using MentorBot.Bot.Matching;
using MentorBot.Data;
using MentorBot.Data.Migrations;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MentorBot.Bench;

/// <summary>
/// Matching speed. <b>Suggestions</b>: one mentee's three suggestions among <c>--count</c> mentors
/// (10,000), measured as a turn runs them — <see cref="SuggestionFinder.FindAsync"/> on an open
/// connection: the mentee's history, bringing the node's <see cref="MentorRoster"/> up to date from the
/// change log, scoring every candidate and ranking — repeated, median and p95; once with nothing changed
/// in between, once with one mentor's profile or match changed by another connection before each question
/// (a live program), and the first question, which reads every mentor. <b>Batch</b>: the
/// assignment of <c>--mentees</c> × <c>--mentors</c> (2,000 × 2,000) as <see cref="BatchAssignment.Propose"/>
/// computes it (every pair scored, the Hungarian method over the mentors' free places), in memory.
/// </summary>
public static class MatchingBenchmark
{
    static readonly string[] Fields = ["it", "health", "education", "engineering", "business", "social", "trades", "culture", "other"];
    static readonly string[] Languages = ["ar", "fa", "uk", "ru", "so", "ti", "tr", "ur", "es", "fr", "en"];
    static readonly string[] Goals = ["job", "education", "network", "danish", "career", "society"];

    public static async Task<int> RunAsync(BenchOptions options, int mentees, int mentors)
    {
        await using var database = await BenchDatabase.StartAsync();
        var server = database.Server;
        await new MigrationRunner(MigrationSource.Embedded(), NullLogger<MigrationRunner>.Instance).ApplyAsync(server.ConnectionString, TimeProvider.System);
        await SeedMentorsAsync(server.ConnectionString, options.Count);
        var quiet = await SuggestionsAsync(server.ConnectionString, iterations: 200, changeBetween: false);
        var live = await SuggestionsAsync(server.ConnectionString, iterations: 200, changeBetween: true);
        var batch = Batch(mentees, mentors);

        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("| --- | --- |");
        Console.WriteLine($"| suggestions for one mentee among {options.Count:N0} mentors, nothing changed in between, 200 runs | median {quiet.Median:F2} ms, p95 {quiet.P95:F2} ms ({quiet.Found} suggested) |");
        Console.WriteLine($"| the same, one mentor changed before each question, 200 runs | median {live.Median:F2} ms, p95 {live.P95:F2} ms ({live.Found} suggested) |");
        Console.WriteLine($"| the first question on a node (reads every mentor) | {quiet.First:F0} ms |");
        Console.WriteLine($"| batch proposal {mentees:N0} mentees × {mentors:N0} mentors ({batch.Slots:N0} free places), 3 runs | {string.Join(" / ", batch.Seconds.Select(s => $"{s:F2} s"))}; {batch.Pairs:N0} pairs, total score {batch.Total:F0} |");
        return 0;
    }

    // Mentors spread over the branches, fields, languages and capacities, some with mentees already.
    static async Task SeedMentorsAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            CREATE TEMP TABLE seed AS
            SELECT gen_random_uuid() AS id, g, (SELECT id FROM branches ORDER BY code OFFSET (g % 5) LIMIT 1) AS branch_id
            FROM generate_series(1, {count}) g;
            INSERT INTO participants (id, branch_id, role, track, preferred_language, display_name, phone, status, created_at, updated_at)
            SELECT id, branch_id, 'mentor', CASE WHEN g % 10 = 0 THEN 'men' ELSE 'women' END, 'da', 'Mentor' || g, '+45999' || lpad(g::text, 5, '0'), 'active', now(), now() FROM seed;
            INSERT INTO profiles (participant_id, professional_field, profession, goals, offers, languages, city, mentor_capacity, partner_company, updated_at)
            SELECT id, (ARRAY['{string.Join("','", Fields)}'])[1 + g % 9], 'Profession ' || (g % 40),
                   ARRAY[]::text[], ARRAY['{Goals[0]}', '{Goals[2]}', (ARRAY['{string.Join("','", Goals)}'])[1 + g % 6]],
                   ARRAY[(ARRAY['{string.Join("','", Languages)}'])[1 + g % 11], 'en'], 'City ' || (g % 30), 1 + g % 3,
                   CASE WHEN g % 25 = 0 THEN 'IT Partner' END, now()
            FROM seed;
            INSERT INTO participants (id, branch_id, role, track, preferred_language, display_name, status, created_at, updated_at)
            SELECT gen_random_uuid(), branch_id, 'mentee', 'women', 'ar', 'Mentee' || g, 'active', now(), now() FROM seed WHERE g % 4 = 0;
            INSERT INTO matches (id, branch_id, mentee_id, mentor_id, status, requested_at)
            SELECT gen_random_uuid(), s.branch_id, m.id, s.id, CASE WHEN s.g % 8 = 0 THEN 'requested' ELSE 'active' END, now()
            FROM seed s JOIN participants m ON m.display_name = 'Mentee' || s.g;
            ANALYZE;
            """, connection);
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync();
    }

    static async Task<(double Median, double P95, int Found, double First)> SuggestionsAsync(string connectionString, int iterations, bool changeBetween)
    {
        await using var db = new MentorBotDb(new DbContextOptionsBuilder<MentorBotDb>().UseNpgsql(connectionString).Options);
        await using var writer = new NpgsqlConnection(connectionString);
        await writer.OpenAsync();
        var branch = await db.Branches.OrderBy(b => b.Code).FirstAsync();
        var mentee = new Participant
        {
            BranchId = branch.Id, Role = ParticipantRole.Mentee, Track = Track.Women, DisplayName = "Amal", Status = ParticipantStatus.Active, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Profile = new Profile { ProfessionalField = "health", Profession = "Profession 1", Languages = ["ar", "fr"], Goals = ["job", "network"], DanishLevel = DanishLevel.Beginner, City = "City 1", UpdatedAt = DateTimeOffset.UtcNow },
        };
        db.Participants.Add(mentee);
        await db.SaveChangesAsync();
        await db.Database.OpenConnectionAsync(); // a turn has its connection open already

        var options = new MatchingOptions { PartnerPrograms = new(StringComparer.OrdinalIgnoreCase) { ["IT Partner"] = ["it"] } };
        var times = new List<double>();
        var found = 0;
        var first = 0.0;
        // Warm-up: the JIT's first tier (with on-stack replacement in the scoring loop) is slow code that
        // a running node has long replaced; tier-up happens in the background after about 30 calls.
        const int warmUp = 100;
        for (var i = 0; i < iterations + warmUp; i++)
        {
            if (i == warmUp) await Task.Delay(1000);
            if (changeBetween) await ChangeOneMentorAsync(writer, i);
            var started = Stopwatch.GetTimestamp();
            var suggestions = await SuggestionFinder.FindAsync(db, mentee, new HashSet<Guid>(), options, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            found = suggestions.Count;
            if (i == 0) first = elapsed;
            if (i >= warmUp) times.Add(elapsed);
        }

        times.Sort();
        if (changeBetween) return (times[times.Count / 2], times[(int)(times.Count * 0.95)], found, first);
        var query = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await MatchingFacts.MentorsAsync(db, Track.Women, withoutOpenRequest: true, branchIds: null, CancellationToken.None);
            query.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        query.Sort();
        Console.WriteLine($"of which bringing the roster up to date and picking the free mentors: median {query[query.Count / 2]:F2} ms");

        // The rest of a run: her history (two small indexed queries) and scoring + ranking in memory.
        var history = new List<double>();
        var rank = new List<double>();
        var candidates = await MatchingFacts.MentorsAsync(db, Track.Women, withoutOpenRequest: true, branchIds: null, CancellationToken.None);
        var facts = MatchingFacts.Of(mentee);
        for (var i = 0; i < 50; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var pairs = await MatchingFacts.HistoryOfMenteeAsync(db, mentee.Id, CancellationToken.None);
            history.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            SuggestionFinder.Rank(facts, candidates, pairs, new HashSet<Guid>(), options);
            rank.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        history.Sort();
        rank.Sort();
        Console.WriteLine($"her history: median {history[history.Count / 2]:F2} ms; scoring and ranking {candidates.Count:N0} candidates: median {rank[rank.Count / 2]:F2} ms");
        return (times[times.Count / 2], times[(int)(times.Count * 0.95)], found, first);
    }

    // What a live program does between two questions: a mentor edits her profile, or a request to one
    // is answered. Alternating, each on a different mentor.
    static async Task ChangeOneMentorAsync(NpgsqlConnection writer, int i)
    {
        await using var command = new NpgsqlCommand(i % 2 == 0
            ? "UPDATE profiles SET city = 'City ' || (@i % 30) WHERE participant_id = (SELECT id FROM participants WHERE display_name = 'Mentor' || (1 + @i * 7 % 9000))"
            : "UPDATE matches SET status = CASE status WHEN 'requested' THEN 'declined' ELSE status END WHERE mentor_id = (SELECT id FROM participants WHERE display_name = 'Mentor' || (8 * (1 + @i % 1000)))", writer);
        command.Parameters.AddWithValue("i", i);
        await command.ExecuteNonQueryAsync();
    }

    static (int Slots, List<double> Seconds, int Pairs, double Total) Batch(int menteeCount, int mentorCount)
    {
        var random = new Random(7);
        var branches = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var mentees = Enumerable.Range(0, menteeCount).Select(i => new MenteeFacts(Guid.NewGuid(), Track.Women, branches[random.Next(5)], $"City {random.Next(30)}",
            Fields[random.Next(Fields.Length)], $"Profession {random.Next(40)}", (EducationLevel)random.Next(8),
            Goals.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList(), Languages.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList(), (DanishLevel)random.Next(5))).ToList();
        var mentors = Enumerable.Range(0, mentorCount).Select(i =>
        {
            var capacity = random.Next(1, 4);
            return new MentorFacts(Guid.NewGuid(), Track.Women, branches[random.Next(5)], $"City {random.Next(30)}", Fields[random.Next(Fields.Length)], $"Profession {random.Next(40)}",
                (EducationLevel)random.Next(8), Goals.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToList(), Languages.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList(),
                capacity, random.Next(0, capacity), random.Next(3) > 0, random.Next(20) == 0 ? "IT Partner" : null);
        }).ToList();
        var history = new Dictionary<(Guid, Guid), PairHistory>();
        for (var k = 0; k < menteeCount; k++)
        {
            history[(mentees[random.Next(menteeCount)].Id, mentors[random.Next(mentorCount)].Id)] = PairHistory.Declined;
        }

        var options = new MatchingOptions { PartnerPrograms = new(StringComparer.OrdinalIgnoreCase) { ["IT Partner"] = ["it"] } };
        var seconds = new List<double>();
        BatchProposal? proposal = null;
        for (var run = 0; run < 3; run++)
        {
            var started = Stopwatch.GetTimestamp();
            proposal = BatchAssignment.Propose(mentees, mentors, (a, b) => history.GetValueOrDefault((a, b)), options);
            seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return (mentors.Sum(m => m.FreePlaces), seconds, proposal!.Pairs.Count, proposal.TotalScore);
    }
}
