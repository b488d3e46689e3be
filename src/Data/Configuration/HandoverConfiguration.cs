using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> handover)
    {
        handover.HasOne<Participant>().WithMany().HasForeignKey(h => h.ParticipantId);
        handover.HasOne<Coordinator>().WithMany().HasForeignKey(h => h.CoordinatorId).OnDelete(DeleteBehavior.SetNull);
        handover.HasIndex(h => h.ParticipantId).IsUnique().HasFilter("status <> 'released'");
    }
}
