using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class MatchConfiguration : IEntityTypeConfiguration<Match>
{
    public void Configure(EntityTypeBuilder<Match> match)
    {
        match.HasOne(m => m.Branch).WithMany().HasForeignKey(m => m.BranchId).OnDelete(DeleteBehavior.Restrict);
        match.HasOne(m => m.Mentee).WithMany().HasForeignKey(m => m.MenteeId).OnDelete(DeleteBehavior.Restrict);
        match.HasOne(m => m.Mentor).WithMany().HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Restrict);
        match.HasMany(m => m.History).WithOne().HasForeignKey(c => c.MatchId);
        match.HasIndex(m => new { m.MentorId, m.Status });
        match.HasIndex(m => new { m.MenteeId, m.Status });
    }
}
