using MentorBot.Bot.Coordinator.Access;
using MentorBot.Data;
using MentorBot.Data.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>Meeting reports from her branches, newest first.</summary>
public sealed class ReportsModel(MentorBotDb db, ConsoleAccessReader accessReader) : PageModel
{
    const int Shown = 100;

    public List<Row> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        var matches = access.Filter(db.Matches);
        Reports = await db.MeetingReports.Where(r => matches.Any(m => m.Id == r.MatchId)).OrderByDescending(r => r.SubmittedAt).Take(Shown)
            .Select(r => new Row(r, r.ReporterId, db.Participants.Where(p => p.Id == r.ReporterId).Select(p => p.DisplayName).First(),
                r.Match!.Branch!.Name))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(MeetingReport Report, Guid ReporterId, string? Reporter, string Branch);
}
