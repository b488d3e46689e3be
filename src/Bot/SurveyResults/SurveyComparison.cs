using System.Globalization;
using MentorBot.Bot.Access;
using MentorBot.Bot.Privacy;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.SurveyResults;

/// <summary>
/// Compares start and end surveys (SaveSurvey stores both with the same indicator codes: scales as numbers,
/// the rest as choice codes). Per mentee the latest completed start survey and the latest completed end
/// survey are taken; an indicator forms a pair only when both have an answer to it. Erased mentees' answers
/// stay in (they are anonymous statistics). Every view and export is audited.
/// </summary>
public sealed class SurveyComparison(MentorBotDb db, TimeProvider clock)
{
    static readonly Dictionary<string, SurveyKind> PromptKinds = new()
    {
        ["start_survey"] = SurveyKind.Start,
        ["end_survey"] = SurveyKind.End,
        ["followup_survey"] = SurveyKind.FollowUp,
    };

    public async Task<SurveyComparisonReport> CompareAsync(SurveyResultsQuery query, BranchScope scope, CancellationToken cancellationToken)
    {
        var report = await BuildAsync(query, scope, cancellationToken);
        await AuditAsync("survey_results.viewed", query, report, scope.CoordinatorId, cancellationToken);
        return report;
    }

    /// <summary>The pairs as CSV (<see cref="SurveyResultsCsv"/>): UTF-8 with a BOM, one row per mentee × indicator.</summary>
    public async Task<byte[]> ExportCsvAsync(SurveyResultsQuery query, BranchScope scope, CancellationToken cancellationToken)
    {
        var report = await BuildAsync(query, scope, cancellationToken);
        await AuditAsync("survey_results.exported", query, report, scope.CoordinatorId, cancellationToken);
        return SurveyResultsCsv.ToUtf8(report);
    }

    async Task<SurveyComparisonReport> BuildAsync(SurveyResultsQuery query, BranchScope scope, CancellationToken cancellationToken)
    {
        var branches = scope.Narrow(query.BranchIds)?.ToList();
        var mentees = db.Participants.AsNoTracking().Where(p => p.Role == ParticipantRole.Mentee && p.BranchId != null);
        if (branches is not null)
        {
            mentees = mentees.Where(p => branches.Contains(p.BranchId!.Value));
        }

        var completed = await db.SurveyInstances.AsNoTracking()
            .Where(i => i.Status == SurveyInstanceStatus.Completed && i.CompletedAt != null
                && (i.Definition!.Kind == SurveyKind.Start || i.Definition.Kind == SurveyKind.End))
            .Join(mentees, i => i.ParticipantId, p => p.Id, (i, p) => new { i.Id, i.ParticipantId, p.BranchId, i.Definition!.Kind, CompletedAt = i.CompletedAt!.Value })
            .ToListAsync(cancellationToken);
        var latest = completed
            .GroupBy(i => (i.ParticipantId, i.Kind))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.CompletedAt).ThenByDescending(i => i.Id).First());
        var paired = latest.Values
            .Where(end => end.Kind == SurveyKind.End && end.CompletedAt >= query.From && end.CompletedAt < query.To
                && latest.ContainsKey((end.ParticipantId, SurveyKind.Start)))
            .Select(end => (Start: latest[(end.ParticipantId, SurveyKind.Start)], End: end))
            .OrderBy(p => p.End.CompletedAt).ThenBy(p => p.End.ParticipantId) // numbered in the order their mentorships ended
            .ToList();
        var instanceIds = paired.SelectMany(p => new[] { p.Start.Id, p.End.Id }).ToList();
        var answers = (await db.SurveyAnswers.AsNoTracking().Where(a => instanceIds.Contains(a.InstanceId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.InstanceId);
        var branchCodes = await db.Branches.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, cancellationToken);

        var pairs = new List<SurveyPair>();
        var number = 0;
        foreach (var (start, end) in paired)
        {
            var mentee = $"mentee-{++number:000}";
            var startAnswers = answers[start.Id].ToDictionary(a => a.Indicator);
            foreach (var endAnswer in answers[end.Id].OrderBy(a => a.Id))
            {
                if (startAnswers.TryGetValue(endAnswer.Indicator, out var startAnswer) && Value(startAnswer) is { } from && Value(endAnswer) is { } to)
                {
                    pairs.Add(new SurveyPair(mentee, start.BranchId is { } b ? branchCodes.GetValueOrDefault(b) : null, endAnswer.Indicator, from, to,
                        endAnswer.Number - startAnswer.Number, start.CompletedAt, end.CompletedAt));
                }
            }
        }

        return new SurveyComparisonReport(query.From, query.To, branches, Indicators(pairs), await ResponseRatesAsync(query, mentees, cancellationToken), pairs);
    }

    /// <summary>An answer as text: its number, its choice code, or its codes joined by commas; null when empty.</summary>
    static string? Value(SurveyAnswer answer) =>
        answer.Number?.ToString(CultureInfo.InvariantCulture) ?? answer.Choice ?? (answer.Choices.Count > 0 ? string.Join(',', answer.Choices) : null);

    static List<IndicatorComparison> Indicators(List<SurveyPair> pairs) =>
        pairs.GroupBy(p => p.Indicator)
            .Select(g =>
            {
                var scale = g.All(p => p.Change is not null);
                var distribution = g.Select(p => p.Start).Concat(g.Select(p => p.End)).Distinct()
                    .OrderBy(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
                    .ThenBy(v => v, StringComparer.Ordinal)
                    .Select(v => new ValueCount(v, g.Count(p => p.Start == v), g.Count(p => p.End == v)))
                    .ToList();
                return new IndicatorComparison(g.Key, g.Count(),
                    scale ? g.Average(p => double.Parse(p.Start, CultureInfo.InvariantCulture)) : null,
                    scale ? g.Average(p => double.Parse(p.End, CultureInfo.InvariantCulture)) : null,
                    scale ? g.Average(p => (double)p.Change!.Value) : null,
                    distribution);
            })
            .ToList();

    async Task<List<SurveyResponseRate>> ResponseRatesAsync(SurveyResultsQuery query, IQueryable<Participant> mentees, CancellationToken cancellationToken)
    {
        var kinds = PromptKinds.Keys.ToList();
        var sent = (await db.ScheduledPrompts.AsNoTracking()
                .Where(p => kinds.Contains(p.Kind) && p.Status == PromptStatus.Sent && p.SentAt >= query.From && p.SentAt < query.To)
                .Join(mentees, p => p.ParticipantId, m => m.Id, (p, m) => p.Kind)
                .GroupBy(kind => kind).Select(g => new { Kind = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => PromptKinds[x.Kind], x => x.Count);
        var done = (await db.SurveyInstances.AsNoTracking()
                .Where(i => i.Status == SurveyInstanceStatus.Completed && i.CompletedAt >= query.From && i.CompletedAt < query.To)
                .Join(mentees, i => i.ParticipantId, m => m.Id, (i, m) => i.Definition!.Kind)
                .GroupBy(kind => kind).Select(g => new { Kind = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => x.Kind, x => x.Count);
        return Enum.GetValues<SurveyKind>()
            .Select(kind => (kind, Sent: sent.GetValueOrDefault(kind), Completed: done.GetValueOrDefault(kind)))
            .Select(r => new SurveyResponseRate(r.kind, r.Sent, r.Completed, r.Sent == 0 ? null : (double)r.Completed / r.Sent))
            .ToList();
    }

    async Task AuditAsync(string action, SurveyResultsQuery query, SurveyComparisonReport report, Guid? coordinatorId, CancellationToken cancellationToken)
    {
        PrivacyAudit.Add(db, clock.GetUtcNow(), coordinatorId, action, "survey_results", null, null, new
        {
            branches = report.BranchIds,
            from = query.From,
            to = query.To,
            pairs = report.Pairs.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
