namespace MentorBot.Data.Model;

/// <summary>A coordinator's access to one branch.</summary>
public sealed class CoordinatorBranch
{
    public Guid CoordinatorId { get; set; }

    public Guid BranchId { get; set; }
}
