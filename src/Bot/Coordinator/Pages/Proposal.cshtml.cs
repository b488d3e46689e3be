using MentorBot.Bot.Coordinator.Access;
using MentorBot.Bot.Matching;
using MentorBot.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MentorBot.Bot.Coordinator.Pages;

/// <summary>
/// The batch proposal for her branches (MatchAdministration.ProposeAsync: the best assignment of waiting
/// mentees to free mentor places, audited there). Read-only: nothing is ever applied by itself; she
/// creates the matches she agrees with one by one (the Matches page's Create, through MatchAdministration).
/// </summary>
public sealed class ProposalModel(MentorBotDb db, ConsoleAccessReader accessReader, MatchAdministration matches) : PageModel
{
    public List<Row> Pairs { get; private set; } = [];

    public List<(Guid Id, string? Name)> Unassigned { get; private set; } = [];

    public double TotalScore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await accessReader.ReadAsync(cancellationToken);
        var proposal = await matches.ProposeAsync(access, cancellationToken);
        var ids = proposal.Pairs.SelectMany(p => new[] { p.MenteeId, p.MentorId }).Concat(proposal.Unassigned).Distinct().ToList();
        var names = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        Pairs = proposal.Pairs.OrderByDescending(p => p.Score)
            .Select(p => new Row(p.MenteeId, names.GetValueOrDefault(p.MenteeId), p.MentorId, names.GetValueOrDefault(p.MentorId), p.Score,
                string.Join(", ", p.Reasons.OrderByDescending(r => r.Points).Take(4).Select(r => r.Value is null ? r.Code : $"{r.Code} ({r.Value})"))))
            .ToList();
        Unassigned = proposal.Unassigned.Select(id => (id, names.GetValueOrDefault(id))).ToList();
        TotalScore = proposal.TotalScore;
    }

    public sealed record Row(Guid MenteeId, string? Mentee, Guid MentorId, string? Mentor, double Score, string Reasons);
}
