using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> participant)
    {
        participant.HasIndex(p => p.Phone).IsUnique();
        participant.HasOne(p => p.Branch).WithMany().HasForeignKey(p => p.BranchId).OnDelete(DeleteBehavior.Restrict);
        participant.HasOne(p => p.Profile).WithOne(p => p.Participant).HasForeignKey<Profile>(p => p.ParticipantId);
        participant.HasMany(p => p.Identities).WithOne(i => i.Participant).HasForeignKey(i => i.ParticipantId);
        participant.HasMany(p => p.Consents).WithOne(c => c.Participant).HasForeignKey(c => c.ParticipantId);
    }
}
