using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.HasOne(m => m.Conversation).WithMany().HasForeignKey(m => m.ConversationId);
        message.HasOne<Participant>().WithMany().HasForeignKey(m => m.ParticipantId);
        message.HasOne<Coordinator>().WithMany().HasForeignKey(m => m.CoordinatorId).OnDelete(DeleteBehavior.SetNull);
        message.HasIndex(m => new { m.Channel, m.ProviderMessageId }).IsUnique().HasFilter("provider_message_id IS NOT NULL");
        message.HasIndex(m => new { m.ParticipantId, m.CreatedAt });
        message.Property(m => m.MessageArgs).HasColumnType("jsonb");
        message.Property(m => m.MessageOptions).HasColumnType("jsonb");
        message.Property(m => m.AnswerReading).HasColumnType("jsonb");
    }
}
