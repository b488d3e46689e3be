using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class SurveyDefinitionConfiguration : IEntityTypeConfiguration<SurveyDefinition>
{
    public void Configure(EntityTypeBuilder<SurveyDefinition> definition) =>
        definition.HasIndex(d => new { d.Kind, d.Version }).IsUnique();
}

sealed class SurveyInstanceConfiguration : IEntityTypeConfiguration<SurveyInstance>
{
    public void Configure(EntityTypeBuilder<SurveyInstance> instance)
    {
        instance.HasOne(i => i.Definition).WithMany().HasForeignKey(i => i.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        instance.HasOne<Participant>().WithMany().HasForeignKey(i => i.ParticipantId);
        instance.HasOne<Match>().WithMany().HasForeignKey(i => i.MatchId);
        instance.HasMany(i => i.Answers).WithOne().HasForeignKey(a => a.InstanceId);
    }
}

sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> answer) =>
        answer.HasIndex(a => new { a.InstanceId, a.Indicator }).IsUnique();
}
