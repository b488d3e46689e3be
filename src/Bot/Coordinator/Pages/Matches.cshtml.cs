using MentorBot.Bot.Access;
using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.Matching;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// Matches in her branches: requests waiting for approval, active ones (at risk first). She approves,
/// ends, blocks a pair from being suggested again, or pairs a mentee and a mentor herself. Every change
/// goes through <see cref="MatchAdministration"/>, so an approved match really starts (MatchStart plans
/// its start survey and check-ins) and each change leaves its match_status_changes and audit rows there
/// (this page adds none of its own). A refusal comes back as its status code with the page's notice.
/// </summary>
public sealed class MatchesModel(MentorBotDb db, ConsoleAccessReader accessReader, MatchAdministration matches) : PageModel
{
    static readonly MatchStatus[] Open = [MatchStatus.Requested, MatchStatus.PendingApproval, MatchStatus.Active];

    public List<Row> Pending { get; private set; } = [];

    public List<Row> Active { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Why the change just asked for was refused (shown once, on this answer only).</summary>
    public string? Refusal { get; private set; }

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
        ActAsync(async scope => { await matches.ApproveAsync(scope, matchId, cancellationToken); return "matches.notice.approved"; }, cancellationToken);

    /// <summary>No reason typed: "coordinator" (MatchAdministration wants one; the form's field is optional).</summary>
    public Task<IActionResult> OnPostEndAsync(Guid matchId, string? reason, CancellationToken cancellationToken) =>
        ActAsync(async scope => { await matches.EndAsync(scope, matchId, Trimmed(reason) ?? "coordinator", cancellationToken); return "matches.notice.ended"; }, cancellationToken);

    public async Task<IActionResult> OnPostBlockAsync(Guid matchId, string? reason, CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        var pair = await access.Filter(db.Matches).Where(m => m.Id == matchId).Select(m => new { m.MenteeId, m.MentorId }).FirstOrDefaultAsync(cancellationToken);
        return pair is null
            ? NotFound()
            : await ActAsync(async scope => { await matches.BlockAsync(scope, pair.MenteeId, pair.MentorId, Trimmed(reason), cancellationToken); return "matches.notice.blocked"; }, cancellationToken);
    }

    /// <summary>She pairs a mentee and a mentor (from the proposal or by ids); the match starts at once.</summary>
    public Task<IActionResult> OnPostCreateAsync(Guid menteeId, Guid mentorId, string? overrideReason, CancellationToken cancellationToken) =>
        ActAsync(async scope => { await matches.CreateAsync(scope, menteeId, mentorId, Trimmed(overrideReason), cancellationToken); return "matches.notice.created"; }, cancellationToken);

    async Task<IActionResult> ActAsync(Func<BranchScope, Task<string>> act, CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        try
        {
            Notice = await act(access);
            return RedirectToPage("/Matches");
        }
        catch (MatchAdministrationException refused) when (refused.Error == MatchAdministrationError.NotFound)
        {
            return NotFound();
        }
        catch (MatchAdministrationException refused)
        {
            // Shown on the page with the refusal's status (409 wrong state / no free place, 422 not allowed).
            Refusal = refused.Error switch
            {
                MatchAdministrationError.NoFreePlace => "matches.error.no_free_place",
                MatchAdministrationError.NotAllowed => "matches.error.not_allowed",
                _ => "matches.error.state",
            };
            await OnGetAsync(cancellationToken);
            Response.StatusCode = refused.StatusCode;
            return Page();
        }
    }

    static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 500)];

    public sealed record Row(Guid Id, MatchStatus Status, bool AtRisk, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, string Branch,
        Guid MenteeId, string? Mentee, Guid MentorId, string? Mentor);
}
