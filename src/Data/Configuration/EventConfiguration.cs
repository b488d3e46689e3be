using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> @event)
    {
        @event.HasOne(e => e.Branch).WithMany().HasForeignKey(e => e.BranchId).OnDelete(DeleteBehavior.Restrict);
        @event.HasMany(e => e.Registrations).WithOne().HasForeignKey(r => r.EventId);
        @event.HasIndex(e => new { e.BranchId, e.StartsAt });
    }
}

sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> registration)
    {
        registration.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId);
        registration.HasIndex(r => new { r.EventId, r.ParticipantId }).IsUnique();
    }
}
