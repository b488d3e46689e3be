using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class MeetingReportConfiguration : IEntityTypeConfiguration<MeetingReport>
{
    public void Configure(EntityTypeBuilder<MeetingReport> report)
    {
        report.HasOne(r => r.Match).WithMany().HasForeignKey(r => r.MatchId);
        report.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.SetNull);
        report.HasOne<Participant>().WithMany().HasForeignKey(r => r.ReporterId);
        report.HasIndex(r => new { r.MatchId, r.SubmittedAt });
    }
}
