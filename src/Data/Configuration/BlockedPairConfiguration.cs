using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class BlockedPairConfiguration : IEntityTypeConfiguration<BlockedPair>
{
    public void Configure(EntityTypeBuilder<BlockedPair> pair)
    {
        pair.HasKey(p => new { p.MenteeId, p.MentorId });
        pair.HasOne<Participant>().WithMany().HasForeignKey(p => p.MenteeId);
        pair.HasOne<Participant>().WithMany().HasForeignKey(p => p.MentorId);
        pair.HasOne<Coordinator>().WithMany().HasForeignKey(p => p.CoordinatorId).OnDelete(DeleteBehavior.SetNull);
    }
}
