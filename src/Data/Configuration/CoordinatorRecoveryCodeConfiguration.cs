using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class CoordinatorRecoveryCodeConfiguration : IEntityTypeConfiguration<CoordinatorRecoveryCode>
{
    public void Configure(EntityTypeBuilder<CoordinatorRecoveryCode> code)
    {
        code.HasOne<Coordinator>().WithMany().HasForeignKey(c => c.CoordinatorId).OnDelete(DeleteBehavior.Cascade);
        code.HasIndex(c => c.CoordinatorId);
    }
}
