using MentorBot.Data.Model;

namespace MentorBot.Bot.Coordinator.Access;

/// <summary>
/// What the signed-in coordinator may see: her branches, or every branch for an admin. Every console query
/// goes through these filters, so another branch's person is simply not found (404, which does not even
/// tell that she exists).
/// </summary>
public sealed record ConsoleAccess(Guid CoordinatorId, bool IsAdmin, IReadOnlyList<Guid> BranchIds)
{
    public bool Sees(Guid? branchId) => IsAdmin || (branchId is { } id && BranchIds.Contains(id));

    public IQueryable<Participant> Filter(IQueryable<Participant> people) =>
        IsAdmin ? people : people.Where(p => p.BranchId != null && BranchIds.Contains(p.BranchId.Value));

    public IQueryable<Match> Filter(IQueryable<Match> matches) => IsAdmin ? matches : matches.Where(m => BranchIds.Contains(m.BranchId));

    public IQueryable<Event> Filter(IQueryable<Event> events) => IsAdmin ? events : events.Where(e => BranchIds.Contains(e.BranchId));

    public IQueryable<Branch> Filter(IQueryable<Branch> branches) => IsAdmin ? branches : branches.Where(b => BranchIds.Contains(b.Id));
}
