using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.HasIndex(c => new { c.Channel, c.ChannelConversationId }).IsUnique();
        conversation.HasOne(c => c.Participant).WithMany().HasForeignKey(c => c.ParticipantId);
    }
}
