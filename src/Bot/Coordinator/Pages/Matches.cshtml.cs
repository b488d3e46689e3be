using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.Scheduling;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// Matches in her branches: requests waiting for approval, active ones (at risk first). She approves,
/// ends, or blocks a pair from being suggested again; each change is a match_status_changes row and an
/// audit row. (Who is suggested to whom is the matching code's business, not this page's.)
/// </summary>
public sealed class MatchesModel(MentorBotDb db, ConsoleAccessReader accessReader, ConsoleAudit audit, TimeProvider clock) : PageModel
{
    static readonly MatchStatus[] Open = [MatchStatus.Requested, MatchStatus.PendingApproval, MatchStatus.Active];

    public List<Row> Pending { get; private set; } = [];

    public List<Row> Active { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        var rows = await access.Filter(db.Matches).Where(m => Open.Contains(m.Status))
            .OrderByDescending(m => m.AtRisk).ThenBy(m => m.RequestedAt)
            .Select(m => new Row(m.Id, m.Status, m.AtRisk, m.RequestedAt, m.StartedAt, m.Branch!.Name,
                m.MenteeId, db.Participants.Where(p => p.Id == m.MenteeId).Select(p => p.DisplayName).First(),
                m.MentorId, db.Participants.Where(p => p.Id == m.MentorId).Select(p => p.DisplayName).First()))
            .ToListAsync(cancellationToken);
        Pending = rows.Where(r => r.Status != MatchStatus.Active).ToList();
        Active = rows.Where(r => r.Status == MatchStatus.Active).ToList();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid matchId, CancellationToken cancellationToken) =>
        ChangeAsync(matchId, "match.approved", async (match, access, now) =>
        {
            if (match.Status != MatchStatus.PendingApproval)
            {
                return "matches.error.state";
            }

            Record(match, MatchStatus.Active, access, null, now);
            match.StartedAt = now;
            match.PlannedEndAt = now.AddMonths(match.Branch!.Settings.PlannedMatchMonths);
            MatchPrompts.OnStarted(db, match, match.Branch.Settings, now);
            await Task.CompletedTask;
            return "matches.notice.approved";
        }, cancellationToken);

    public Task<IActionResult> OnPostEndAsync(Guid matchId, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(matchId, "match.ended", async (match, access, now) =>
        {
            if (!Open.Contains(match.Status))
            {
                return "matches.error.state";
            }

            End(match, access, Trimmed(reason) ?? "coordinator", now);
            await Task.CompletedTask;
            return "matches.notice.ended";
        }, cancellationToken);

    public Task<IActionResult> OnPostBlockAsync(Guid matchId, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(matchId, "pair.blocked", async (match, access, now) =>
        {
            if (!await db.BlockedPairs.AnyAsync(b => b.MenteeId == match.MenteeId && b.MentorId == match.MentorId, cancellationToken))
            {
                db.BlockedPairs.Add(new BlockedPair { MenteeId = match.MenteeId, MentorId = match.MentorId, CoordinatorId = access.CoordinatorId, Reason = Trimmed(reason), CreatedAt = now });
            }

            if (Open.Contains(match.Status))
            {
                End(match, access, "blocked", now);
            }

            return "matches.notice.blocked";
        }, cancellationToken);

    async Task<IActionResult> ChangeAsync(Guid matchId, string action, Func<Match, ConsoleAccess, DateTimeOffset, Task<string>> change, CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        var match = await access.Filter(db.Matches).Include(m => m.Branch).Include(m => m.History).FirstOrDefaultAsync(m => m.Id == matchId, cancellationToken);
        if (match is null)
        {
            return NotFound();
        }

        Notice = await change(match, access, clock.GetUtcNow());
        if (!Notice.Contains(".error.", StringComparison.Ordinal))
        {
            audit.Add(access, action, "match", match.Id, match.BranchId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage("/Matches");
    }

    static void End(Match match, ConsoleAccess access, string reason, DateTimeOffset now)
    {
        // A match that never started is cancelled; one that ran is ended.
        var to = match.Status == MatchStatus.Active ? MatchStatus.Ended : MatchStatus.Cancelled;
        Record(match, to, access, reason, now);
        match.EndedAt = now;
        match.EndReason = reason;
    }

    static void Record(Match match, MatchStatus to, ConsoleAccess access, string? reason, DateTimeOffset now)
    {
        match.History.Add(new MatchStatusChange { FromStatus = match.Status, ToStatus = to, ChangedBy = ActorKind.Coordinator, ActorId = access.CoordinatorId, Reason = reason, ChangedAt = now });
        match.Status = to;
    }

    static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 500)];

    public sealed record Row(Guid Id, MatchStatus Status, bool AtRisk, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, string Branch,
        Guid MenteeId, string? Mentee, Guid MentorId, string? Mentor);
}
