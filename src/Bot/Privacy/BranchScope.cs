namespace MentorBot.Bot.Privacy;

/// <summary>
/// The branches an acting coordinator may see: all of them (an admin, or the system itself) or only hers.
/// The console works out the scope from the signed-in account; these services only obey it. A person
/// not (yet) in any branch is visible to an all-branches scope only.
/// </summary>
public sealed record BranchScope
{
    BranchScope(IReadOnlySet<Guid>? branches) => Branches = branches;

    /// <summary>Null means every branch.</summary>
    public IReadOnlySet<Guid>? Branches { get; }

    public static BranchScope All { get; } = new((IReadOnlySet<Guid>?)null);

    public static BranchScope Only(IEnumerable<Guid> branchIds) => new(branchIds.ToHashSet());

    public bool IsAll => Branches is null;

    public bool Allows(Guid? branchId) => Branches is null || (branchId is { } id && Branches.Contains(id));

    /// <summary>The requested branches narrowed to the scope (null requested: every branch in scope; null result: every branch).</summary>
    public IReadOnlySet<Guid>? Narrow(IEnumerable<Guid>? requested) =>
        (requested, Branches) switch
        {
            (null, var mine) => mine,
            (var wanted, null) => wanted.ToHashSet(),
            (var wanted, var mine) => wanted.Where(mine.Contains).ToHashSet(),
        };
}
