using MentorBot.Data.Model;

namespace MentorBot.Bot.Access;

/// <summary>
/// Who acts on people's data and the branches she may see: an admin every branch, a coordinator only
/// hers, the system itself (retention, erasure by the daily job) everything with no coordinator. The
/// console works it out from the signed-in account once per request; the console pages, privacy,
/// survey results and match administration only obey it, so someone outside it is simply not found.
/// "Every branch" is no list: a branch created later, and a person not (yet) in any branch, are in it
/// too. A coordinator's scope never holds a person without a branch.
/// </summary>
public sealed class BranchScope
{
    // An array beside the set: EF Core translates an array's Contains into SQL (= ANY), not a set's.
    readonly Guid[]? _branchIds;

    BranchScope(Guid? coordinatorId, IEnumerable<Guid>? branchIds)
    {
        CoordinatorId = coordinatorId;
        _branchIds = branchIds?.Distinct().ToArray();
        Branches = _branchIds?.ToHashSet();
    }

    /// <summary>The acting coordinator (actor of the audit rows); null for the system.</summary>
    public Guid? CoordinatorId { get; }

    /// <summary>The branches she may see; null means every branch.</summary>
    public IReadOnlySet<Guid>? Branches { get; }

    /// <summary>The system itself: every branch, no coordinator.</summary>
    public static BranchScope System { get; } = new(null, null);

    public static BranchScope Admin(Guid coordinatorId) => new(coordinatorId, null);

    public static BranchScope Coordinator(Guid coordinatorId, IEnumerable<Guid> branchIds) => new(coordinatorId, branchIds);

    public bool Allows(Guid? branchId) => Branches is null || (branchId is { } id && Branches.Contains(id));

    /// <summary>The requested branches narrowed to the scope (null requested: every branch in scope; null result: every branch).</summary>
    public IReadOnlySet<Guid>? Narrow(IEnumerable<Guid>? requested) =>
        (requested, Branches) switch
        {
            (null, var mine) => mine,
            (var wanted, null) => wanted.ToHashSet(),
            (var wanted, var mine) => wanted.Where(mine.Contains).ToHashSet(),
        };

    public IQueryable<Participant> Filter(IQueryable<Participant> people) =>
        _branchIds is not { } ids ? people : people.Where(p => p.BranchId != null && ids.Contains(p.BranchId.Value));

    public IQueryable<Match> Filter(IQueryable<Match> matches) => _branchIds is not { } ids ? matches : matches.Where(m => ids.Contains(m.BranchId));

    public IQueryable<Event> Filter(IQueryable<Event> events) => _branchIds is not { } ids ? events : events.Where(e => ids.Contains(e.BranchId));

    public IQueryable<Branch> Filter(IQueryable<Branch> branches) => _branchIds is not { } ids ? branches : branches.Where(b => ids.Contains(b.Id));
}
