using MentorBot.Data.Migrations;

namespace MentorBot.Tests.Data;

public sealed class MigrationSourceTests
{
    [Fact]
    public void Shipped_migrations_are_numbered_one_to_n_without_gaps()
    {
        var versions = MigrationSource.Embedded().Select(m => m.Version).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    [Theory]
    [InlineData("0001_initial_schema.sql", 1, "initial_schema")]
    [InlineData("0042_add_outbox.sql", 42, "add_outbox")]
    public void File_names_give_version_and_name(string file, int version, string name)
    {
        var migration = Migration.Parse(file, "SELECT 1;");
        Assert.Equal((version, name), (migration.Version, migration.Name));
    }

    [Theory]
    [InlineData("initial.sql", "no number")]
    [InlineData("0000_zero.sql", "version zero")]
    [InlineData("0003_.sql", "no description")]
    [InlineData("x1_bad.sql", "not a number")]
    public void Badly_named_files_are_rejected(string file, string reason)
    {
        var error = Assert.Throws<MigrationException>(() => Migration.Parse(file, "SELECT 1;"));
        Assert.True(error.Message.Contains(file, StringComparison.Ordinal), $"{reason}: the message names the file");
    }

    [Fact]
    public void Checksum_ignores_line_endings_but_not_content()
    {
        var unix = Migration.Parse("0001_a.sql", "CREATE TABLE a (id int);\nSELECT 1;\n");
        var windows = Migration.Parse("0001_a.sql", "CREATE TABLE a (id int);\r\nSELECT 1;\r\n");
        var edited = Migration.Parse("0001_a.sql", "CREATE TABLE a (id bigint);\nSELECT 1;\n");
        Assert.Equal(unix.Checksum, windows.Checksum);
        Assert.NotEqual(unix.Checksum, edited.Checksum);
    }
}
