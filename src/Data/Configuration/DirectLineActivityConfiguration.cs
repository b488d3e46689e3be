using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class DirectLineActivityConfiguration : IEntityTypeConfiguration<DirectLineActivity>
{
    public void Configure(EntityTypeBuilder<DirectLineActivity> activity)
    {
        activity.Property(a => a.Id).UseIdentityAlwaysColumn();
        activity.Property(a => a.Activity).HasColumnType("jsonb");
        activity.HasOne<Conversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
        activity.HasOne<Message>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        activity.HasIndex(a => new { a.ConversationId, a.Id });
        activity.HasIndex(a => new { a.ConversationId, a.ClientActivityId }).IsUnique().HasFilter("client_activity_id IS NOT NULL");
        activity.HasIndex(a => a.MessageId);
    }
}
