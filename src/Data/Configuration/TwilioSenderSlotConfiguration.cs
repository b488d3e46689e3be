using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class TwilioSenderSlotConfiguration : IEntityTypeConfiguration<TwilioSenderSlot>
{
    public void Configure(EntityTypeBuilder<TwilioSenderSlot> slot) => slot.HasKey(s => s.Sender);
}
