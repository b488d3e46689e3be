using System.Text.Json;
using MentorBot.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentorBot.Data.Configuration;

sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    static readonly JsonSerializerOptions SettingsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public void Configure(EntityTypeBuilder<Branch> branch)
    {
        branch.HasIndex(b => b.Code).IsUnique();
        branch.Property(b => b.Settings)
            .HasColumnType("jsonb")
            .HasConversion(
                settings => JsonSerializer.Serialize(settings, SettingsJson),
                json => JsonSerializer.Deserialize<BranchSettings>(json, SettingsJson) ?? new BranchSettings());
    }
}
