using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class CoordinatorSetupLinkConfiguration : IEntityTypeConfiguration<CoordinatorSetupLink>
{
    public void Configure(EntityTypeBuilder<CoordinatorSetupLink> link)
    {
        link.HasOne<Coordinator>().WithMany().HasForeignKey(l => l.CoordinatorId).OnDelete(DeleteBehavior.Cascade);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => l.CoordinatorId);
    }
}
