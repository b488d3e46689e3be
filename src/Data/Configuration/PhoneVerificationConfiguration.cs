using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class PhoneVerificationConfiguration : IEntityTypeConfiguration<PhoneVerification>
{
    public void Configure(EntityTypeBuilder<PhoneVerification> verification)
    {
        verification.HasOne<Participant>().WithMany().HasForeignKey(v => v.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        verification.HasIndex(v => new { v.Phone, v.CreatedAt });
        verification.HasIndex(v => new { v.ParticipantId, v.CreatedAt });
    }
}
