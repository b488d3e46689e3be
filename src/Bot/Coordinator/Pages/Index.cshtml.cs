using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.Observability;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// The dashboard: per branch she sees, who is where, matches that need her, this month's response rates, people waiting for
/// a coordinator, and per language how often the bot did not understand a reply in the last 30 days.
/// </summary>
public sealed class IndexModel(MentorBotDb db, ConsoleAccessReader accessReader, TimeProvider clock) : PageModel
{
    public List<BranchSummary> Branches { get; } = [];

    public List<WaitingPerson> Waiting { get; } = [];

    public IReadOnlyList<NotUnderstoodRate> NotUnderstood { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var branch in await access.Filter(db.Branches).OrderBy(b => b.Name).ToListAsync(cancellationToken))
        {
            var zone = Branch.ZoneOf(branch);
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var monthStart = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset).ToUniversalTime();
            var id = branch.Id;
            var byStatus = await db.Participants.Where(p => p.BranchId == id).GroupBy(p => p.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var matches = db.Matches.Where(m => m.BranchId == id);
            var reportsAsked = await db.ScheduledPrompts.CountAsync(s => s.DialogId == "meeting_report" && s.Status == PromptStatus.Sent
                && s.SentAt >= monthStart && db.Participants.Any(p => p.Id == s.ParticipantId && p.BranchId == id), cancellationToken);
            var reportsGiven = await db.MeetingReports.CountAsync(r => r.SubmittedAt >= monthStart && matches.Any(m => m.Id == r.MatchId), cancellationToken);
            var surveys = db.SurveyInstances.Where(s => s.SentAt >= monthStart && db.Participants.Any(p => p.Id == s.ParticipantId && p.BranchId == id));
            Branches.Add(new BranchSummary(
                branch.Name,
                byStatus.OrderBy(s => s.Status).Select(s => (s.Status, s.Count)).ToList(),
                await matches.CountAsync(m => m.Status == MatchStatus.Active, cancellationToken),
                await matches.CountAsync(m => m.Status == MatchStatus.Requested || m.Status == MatchStatus.PendingApproval, cancellationToken),
                await matches.CountAsync(m => m.Status == MatchStatus.Active && m.AtRisk, cancellationToken),
                reportsGiven, reportsAsked,
                await surveys.CountAsync(s => s.CompletedAt != null, cancellationToken), await surveys.CountAsync(cancellationToken)));
        }

        NotUnderstood = await NotUnderstoodRates.ReadAsync(db, access, now, cancellationToken);
        var people = access.Filter(db.Participants);
        Waiting.AddRange(await db.Handovers.Where(h => h.Status != HandoverStatus.Released && people.Any(p => p.Id == h.ParticipantId))
            .OrderBy(h => h.RequestedAt)
            .Select(h => new WaitingPerson(h.ParticipantId, people.Where(p => p.Id == h.ParticipantId).Select(p => p.DisplayName).First(), h.Status, h.Reason, h.RequestedAt))
            .ToListAsync(cancellationToken));
    }

    public sealed record BranchSummary(string Name, List<(ParticipantStatus Status, int Count)> ByStatus, int ActiveMatches, int PendingRequests, int AtRisk,
        int ReportsGiven, int ReportsAsked, int SurveysCompleted, int SurveysSent);

    public sealed record WaitingPerson(Guid ParticipantId, string? Name, HandoverStatus Status, string? Reason, DateTimeOffset RequestedAt);

    public static string Rate(int done, int asked) => asked == 0 ? "–" : $"{done}/{asked} ({100 * done / asked} %)";
}
