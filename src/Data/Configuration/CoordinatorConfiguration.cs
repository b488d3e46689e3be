using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class CoordinatorConfiguration : IEntityTypeConfiguration<Coordinator>
{
    public void Configure(EntityTypeBuilder<Coordinator> coordinator)
    {
        coordinator.HasMany(c => c.Branches).WithOne().HasForeignKey(b => b.CoordinatorId);
    }
}

sealed class CoordinatorBranchConfiguration : IEntityTypeConfiguration<CoordinatorBranch>
{
    public void Configure(EntityTypeBuilder<CoordinatorBranch> access)
    {
        access.HasKey(a => new { a.CoordinatorId, a.BranchId });
        access.HasOne<Branch>().WithMany().HasForeignKey(a => a.BranchId);
    }
}
