using System.Globalization;
using System.Text;
using System.Text.Json;
using MentorBot.Bot.Access;
using MentorBot.Bot.SurveyResults;
using MentorBot.Data;
using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Tests.SurveyResults;

/// <summary>Start against end survey, paired per mentee and indicator, on a real database.</summary>
public sealed class SurveyComparisonTests(PostgresFixture postgres)
{
    static readonly DateTimeOffset Day0 = DateTimeOffset.Parse("2026-01-01T10:00:00Z");
    static readonly SurveyResultsQuery WholeYear = new(null, Day0, Day0.AddYears(1));

    /// <summary>One completed survey of one mentee (<c>a</c>, <c>b</c>…; <c>x</c> is in Aarhus, the others in Copenhagen), on day N.</summary>
    public sealed record Given(string Mentee, SurveyKind Kind, int Day, string Answers);

    public static TheoryData<string, Given[], string> Cases => new()
    {
        {
            "both surveys: one pair per indicator answered in both",
            [new("a", SurveyKind.Start, 1, "career_clarity=2 job_situation=unemployed_seeking"), new("a", SurveyKind.End, 180, "career_clarity=4 job_situation=employed")],
            "a career_clarity 2>4 +2 | a job_situation unemployed_seeking>employed"
        },
        {
            "an indicator missing from the end survey is not a pair",
            [new("a", SurveyKind.Start, 1, "career_clarity=2 danish_confidence=3"), new("a", SurveyKind.End, 180, "career_clarity=3")],
            "a career_clarity 2>3 +1"
        },
        {
            "several of a kind: the latest completed start and end count",
            [new("a", SurveyKind.Start, 1, "career_clarity=1"), new("a", SurveyKind.Start, 20, "career_clarity=2"), new("a", SurveyKind.End, 150, "career_clarity=5"), new("a", SurveyKind.End, 200, "career_clarity=4")],
            "a career_clarity 2>4 +2"
        },
        {
            "an end survey without a start survey is no pair",
            [new("a", SurveyKind.End, 180, "career_clarity=4")],
            ""
        },
        {
            "an end survey completed after the period is no pair",
            [new("a", SurveyKind.Start, 1, "career_clarity=2"), new("a", SurveyKind.End, 400, "career_clarity=4")],
            ""
        },
        {
            "mentees are numbered anonymously, one row per mentee and indicator",
            [new("a", SurveyKind.Start, 1, "network_size=none"), new("b", SurveyKind.Start, 2, "network_size=few"), new("a", SurveyKind.End, 180, "network_size=some"), new("b", SurveyKind.End, 181, "network_size=few")],
            "a network_size none>some | b network_size few>few"
        },
        {
            "a coordinator of Copenhagen does not see Aarhus' mentees",
            [new("x", SurveyKind.Start, 1, "career_clarity=2"), new("x", SurveyKind.End, 180, "career_clarity=4")],
            ""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Pairs(string reason, Given[] given, string expected)
    {
        var (database, mentees, copenhagen) = await GivenAsync(given);
        await using var db = TestDb.Open(database);

        var report = await new SurveyComparison(db, new FixedClock(Day0)).CompareAsync(WholeYear, BranchScope.Coordinator(Guid.CreateVersion7(), [copenhagen]), CancellationToken.None);

        // Who a pair is, found back from the day her end survey was completed (the report itself names no one).
        string Who(SurveyPair pair) => given.Single(g => g.Kind == SurveyKind.End && Day0.AddDays(g.Day) == pair.EndCompletedAt).Mentee;
        var actual = string.Join(" | ", report.Pairs.Select(p => $"{Who(p)} {p.Indicator} {p.Start}>{p.End}{(p.Change is { } c ? $" {c:+0;-0;0}" : "")}"));
        Assert.Equal(mentees.Count(m => report.Pairs.Any(p => Who(p) == m.Key)), report.Pairs.Select(p => p.Mentee).Distinct().Count()); // one anonymous id per mentee
        Assert.True(expected == actual, $"{reason}: expected [{expected}], got [{actual}]");
        Assert.All(report.Pairs, p => Assert.Matches("^mentee-[0-9]{3}$", p.Mentee));
    }

    [Fact]
    public async Task Means_distribution_response_rates_csv_and_chart_data()
    {
        var (database, mentees, copenhagen) = await GivenAsync(
        [
            new("a", SurveyKind.Start, 1, "career_clarity=1 job_situation=unemployed_seeking"), new("a", SurveyKind.End, 180, "career_clarity=4 job_situation=employed"),
            new("b", SurveyKind.Start, 2, "career_clarity=3 job_situation=student"), new("b", SurveyKind.End, 181, "career_clarity=3 job_situation=employed"),
            new("c", SurveyKind.Start, 3, "career_clarity=2"),
        ]);
        await using (var db = TestDb.Open(database))
        {
            foreach (var (kind, count, sentDay) in new[] { ("start_survey", 3, 1), ("end_survey", 4, 179) })
            {
                for (var i = 0; i < count; i++)
                {
                    db.ScheduledPrompts.Add(new ScheduledPrompt
                    {
                        ParticipantId = mentees["abc"[i % 3].ToString()], Kind = kind, DialogId = kind, OccurrenceKey = $"{kind}:{i}", Status = PromptStatus.Sent,
                        DueAt = Day0.AddDays(sentDay), SentAt = Day0.AddDays(sentDay), CreatedAt = Day0,
                    });
                }
            }

            await db.SaveChangesAsync();
        }

        await using var check = TestDb.Open(database);
        var comparison = new SurveyComparison(check, new FixedClock(Day0));
        var report = await comparison.CompareAsync(WholeYear with { BranchIds = [copenhagen] }, BranchScope.System, CancellationToken.None);

        var clarity = report.Indicators.Single(i => i.Indicator == "career_clarity");
        Assert.Equal((2, 2.0, 3.5, 1.5), (clarity.Pairs, clarity.MeanStart!.Value, clarity.MeanEnd!.Value, clarity.MeanChange!.Value));
        Assert.Equal([new ValueCount("1", 1, 0), new ValueCount("3", 1, 1), new ValueCount("4", 0, 1)], clarity.Distribution);
        var job = report.Indicators.Single(i => i.Indicator == "job_situation");
        Assert.Equal((2, (double?)null), (job.Pairs, job.MeanChange));
        Assert.Equal([new ValueCount("employed", 0, 2), new ValueCount("student", 1, 0), new ValueCount("unemployed_seeking", 1, 0)], job.Distribution);
        var rates = report.ResponseRates.ToDictionary(r => r.Kind);
        Assert.Equal((3, 3, 1.0), (rates[SurveyKind.Start].Sent, rates[SurveyKind.Start].Completed, rates[SurveyKind.Start].Rate!.Value));
        Assert.Equal((4, 2, 0.5), (rates[SurveyKind.End].Sent, rates[SurveyKind.End].Completed, rates[SurveyKind.End].Rate!.Value));
        Assert.Null(rates[SurveyKind.FollowUp].Rate);

        var csv = await comparison.ExportCsvAsync(WholeYear, BranchScope.System, CancellationToken.None);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n");
        Assert.Equal("mentee,branch,indicator,start,end,change,start_completed_at,end_completed_at", lines[0]);
        Assert.Equal("mentee-001,copenhagen,career_clarity,1,4,3,2026-01-02T10:00:00Z,2026-06-30T10:00:00Z", lines[1]);
        Assert.Equal(6, lines.Length); // header, four pairs, and the empty rest after the last CRLF
        Assert.DoesNotContain("Mentee", Encoding.UTF8.GetString(csv)); // names never
        Assert.Equal("\"a,b\"", SurveyResultsCsv.Field("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", SurveyResultsCsv.Field("say \"hi\""));
        Assert.Equal("\"two\r\nlines\"", SurveyResultsCsv.Field("two\r\nlines"));
        Assert.Equal("مرحبا", SurveyResultsCsv.Field("مرحبا"));

        using var chart = JsonDocument.Parse(SurveyCharts.Means(report).ToJson());
        Assert.Equal(["career_clarity"], chart.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var datasets = chart.RootElement.GetProperty("datasets").EnumerateArray().ToList();
        Assert.Equal(("start", 2.0, "end", 3.5), (datasets[0].GetProperty("label").GetString(), datasets[0].GetProperty("data")[0].GetDouble(), datasets[1].GetProperty("label").GetString(), datasets[1].GetProperty("data")[0].GetDouble()));
        using var responses = JsonDocument.Parse(SurveyCharts.ResponseRates(report).ToJson());
        Assert.Equal(["start", "end", "follow_up"], responses.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["survey_results.viewed", "survey_results.exported"], await check.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    /// <summary>The mentees (a, b… in Copenhagen; x in Aarhus) and their completed surveys.</summary>
    async Task<(string Database, Dictionary<string, Guid> Mentees, Guid Copenhagen)> GivenAsync(Given[] given)
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var db = TestDb.Open(database);
        var branches = await db.Branches.ToDictionaryAsync(b => b.Code, b => b.Id);
        var definitions = new Dictionary<SurveyKind, SurveyDefinition>
        {
            [SurveyKind.Start] = new() { Kind = SurveyKind.Start, Version = 1, DialogId = "start_survey", CreatedAt = Day0 },
            [SurveyKind.End] = new() { Kind = SurveyKind.End, Version = 1, DialogId = "end_survey", CreatedAt = Day0 },
        };
        db.AddRange(definitions.Values);
        var mentees = new Dictionary<string, Guid>();
        foreach (var name in given.Select(g => g.Mentee).Distinct().Order())
        {
            var mentee = new Participant
            {
                BranchId = branches[name == "x" ? "aarhus" : "copenhagen"], Role = ParticipantRole.Mentee, Status = ParticipantStatus.Active,
                DisplayName = "Mentee " + name, CreatedAt = Day0, UpdatedAt = Day0,
            };
            db.Add(mentee);
            mentees[name] = mentee.Id;
        }

        foreach (var survey in given)
        {
            var at = Day0.AddDays(survey.Day);
            var instance = new SurveyInstance { DefinitionId = definitions[survey.Kind].Id, ParticipantId = mentees[survey.Mentee], Status = SurveyInstanceStatus.Completed, SentAt = at, CompletedAt = at };
            foreach (var answer in survey.Answers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=')))
            {
                var isNumber = int.TryParse(answer[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number);
                instance.Answers.Add(new SurveyAnswer { Indicator = answer[0], Number = isNumber ? number : null, Choice = isNumber ? null : answer[1], AnsweredAt = at });
            }

            db.Add(instance);
        }

        await db.SaveChangesAsync();
        return (database, mentees, branches["copenhagen"]);
    }
}
