using MentorBot.Data.Migrations;
using MentorBot.Tests.Infrastructure;

namespace MentorBot.Tests.Bot;

public sealed class CommandLineTests(PostgresFixture postgres)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_instances_migrating_one_empty_database_at_once_apply_each_migration_once()
    {
        var database = await postgres.CreateDatabaseAsync(migrated: false);
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__MentorBot"] = database };

        await using var first = BotProcess.Start(["migrate"], environment);
        await using var second = BotProcess.Start(["migrate"], environment);
        var exits = await Task.WhenAll(first.WaitForExitAsync(Patience), second.WaitForExitAsync(Patience));

        Assert.True(exits.All(code => code == 0), $"{first.Output}\n---\n{second.Output}");
        var applied = MigrationSource.Embedded().Select(m => $"Applied migration {m.FileName}");
        foreach (var line in applied)
        {
            Assert.Equal(1, CountOccurrences(first.Output + second.Output, line));
        }

        var counts = Assert.Single(await TestSql.RowsAsync(database, "SELECT count(*), count(DISTINCT version) FROM schema_migrations"));
        Assert.Equal([(long)MigrationSource.Embedded().Count, (long)MigrationSource.Embedded().Count], counts);
    }

    [Fact]
    public async Task Without_postgres_binaries_it_says_how_to_install_them_or_set_a_connection_string()
    {
        await using var bot = BotProcess.Start([], new Dictionary<string, string?>
        {
            ["EmbeddedDatabase__Directory"] = PostgresFixture.NewFolder("nobinaries"),
            ["EmbeddedDatabase__BinDirectory"] = "/nonexistent/postgresql/bin",
        });

        Assert.Equal(1, await bot.WaitForExitAsync(Patience));
        Assert.Contains("apt-get install postgresql", bot.Output);
        Assert.Contains("ConnectionStrings__MentorBot", bot.Output);
        Assert.DoesNotContain("   at ", bot.Output); // a message, not a stack trace
    }

    [Fact]
    public async Task An_unreachable_configured_database_is_a_clear_error()
    {
        await using var bot = BotProcess.Start(["migrate"], new Dictionary<string, string?>
        {
            ["ConnectionStrings__MentorBot"] = "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3",
        });

        Assert.Equal(1, await bot.WaitForExitAsync(Patience));
        Assert.Contains("Could not reach the database of ConnectionStrings__MentorBot", bot.Output);
        Assert.DoesNotContain("Password=y", bot.Output);
    }

    [Fact]
    public async Task An_unknown_command_is_refused_with_the_list_of_commands()
    {
        await using var bot = BotProcess.Start(["migrat"], new Dictionary<string, string?>());

        Assert.Equal(2, await bot.WaitForExitAsync(Patience));
        Assert.Contains("Unknown command 'migrat'", bot.Output);
        Assert.Contains("migrate", bot.Output);
    }

    static int CountOccurrences(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
