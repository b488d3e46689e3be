using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class ScheduledPromptConfiguration : IEntityTypeConfiguration<ScheduledPrompt>
{
    public void Configure(EntityTypeBuilder<ScheduledPrompt> prompt)
    {
        prompt.HasOne<Participant>().WithMany().HasForeignKey(p => p.ParticipantId);
        prompt.HasOne<Match>().WithMany().HasForeignKey(p => p.MatchId);
        prompt.HasOne<Event>().WithMany().HasForeignKey(p => p.EventId);
        prompt.HasIndex(p => p.OccurrenceKey).IsUnique();
        prompt.HasIndex(p => new { p.Status, p.DueAt });
    }
}
