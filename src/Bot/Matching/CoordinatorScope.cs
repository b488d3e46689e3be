namespace MentorBot.Bot.Matching;

/// <summary>Who acts in the console and the branches she may act in (a coordinator sees only her branches).</summary>
public sealed record CoordinatorScope(Guid CoordinatorId, IReadOnlyCollection<Guid> BranchIds)
{
    public bool Covers(Guid? branchId) => branchId is { } id && BranchIds.Contains(id);
}
