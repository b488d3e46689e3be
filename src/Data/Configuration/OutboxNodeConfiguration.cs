using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class OutboxNodeConfiguration : IEntityTypeConfiguration<OutboxNode>
{
    public void Configure(EntityTypeBuilder<OutboxNode> node) => node.HasKey(n => n.NodeId);
}
