using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    // No foreign keys on purpose: the audit trail outlives the people and records it mentions (erasure keeps it).
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_log");
        entry.Property(e => e.Details).HasColumnType("jsonb");
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.SubjectKind, e.SubjectId });
    }
}
