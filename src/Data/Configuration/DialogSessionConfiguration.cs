using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class DialogSessionConfiguration : IEntityTypeConfiguration<DialogSession>
{
    public void Configure(EntityTypeBuilder<DialogSession> session)
    {
        session.Property(s => s.State).HasColumnType("jsonb");
        session.HasIndex(s => s.ParticipantId).IsUnique().HasFilter("status = 'active'");
    }
}
