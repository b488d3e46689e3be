using MentorBot.Data.Migrations;
using MentorBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorBot.Tests.Data;

public sealed class MigrationRunnerTests(PostgresFixture postgres)
{
    static readonly Migration CreateA = Migration.Parse("0001_create_a.sql", "CREATE TABLE a (id integer PRIMARY KEY);");
    static readonly Migration CreateB = Migration.Parse("0002_create_b.sql", "CREATE TABLE b (id integer PRIMARY KEY);");

    static MigrationRunner Runner(params Migration[] migrations) => new(migrations, NullLogger<MigrationRunner>.Instance);

    [Fact]
    public async Task Applies_every_shipped_migration_to_an_empty_database_then_nothing()
    {
        var database = await postgres.CreateDatabaseAsync(migrated: false);
        var runner = new MigrationRunner(MigrationSource.Embedded(), NullLogger<MigrationRunner>.Instance);

        var first = await runner.ApplyAsync(database, TimeProvider.System);
        var second = await runner.ApplyAsync(database, TimeProvider.System);

        Assert.Equal(MigrationSource.Embedded().Select(m => m.Version), first.Select(m => m.Version));
        Assert.Empty(second);
        Assert.Equal(first.Count, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Applies_only_the_new_migrations()
    {
        var database = await postgres.CreateDatabaseAsync(migrated: false);
        await Runner(CreateA).ApplyAsync(database, TimeProvider.System);

        var applied = await Runner(CreateA, CreateB).ApplyAsync(database, TimeProvider.System);

        Assert.Equal([2], applied.Select(m => m.Version));
        Assert.Equal(1L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'b'"));
    }

    [Fact]
    public async Task An_applied_migration_that_was_edited_stops_startup_naming_the_file()
    {
        var database = await postgres.CreateDatabaseAsync(migrated: false);
        await Runner(CreateA).ApplyAsync(database, TimeProvider.System);
        var edited = Migration.Parse("0001_create_a.sql", "CREATE TABLE a (id bigint PRIMARY KEY);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(edited, CreateB).ApplyAsync(database, TimeProvider.System));

        Assert.Contains("0001_create_a.sql was changed after it was applied", error.Message);
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'b'"));
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_build_is_refused()
    {
        var database = await postgres.CreateDatabaseAsync(migrated: false);
        await Runner(CreateA, CreateB).ApplyAsync(database, TimeProvider.System);

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(CreateA).ApplyAsync(database, TimeProvider.System));

        Assert.Contains("0002_create_b", error.Message);
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_whole_and_earlier_ones_stay()
    {
        var database = await postgres.CreateDatabaseAsync(migrated: false);
        var broken = Migration.Parse("0002_broken.sql", "CREATE TABLE c (id integer); SELECT * FROM no_such_table;");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(CreateA, broken).ApplyAsync(database, TimeProvider.System));

        Assert.Contains("0002_broken.sql failed", error.Message);
        Assert.Equal([1], (await TestSql.RowsAsync(database, "SELECT version FROM schema_migrations ORDER BY version")).Select(r => (int)r[0]));
        Assert.Equal(0L, await TestSql.ScalarAsync<long>(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'c'"));
    }

    [Fact]
    public async Task Nodes_starting_together_apply_each_migration_exactly_once()
    {
        var database = await postgres.CreateDatabaseAsync(migrated: false);
        // A slow migration widens the window in which the nodes would race without the lock.
        var slow = Migration.Parse("0003_slow.sql", "SELECT pg_sleep(0.3); CREATE TABLE slow (id integer);");
        var migrations = new[] { CreateA, CreateB, slow };
        using var start = new Barrier(6);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await Runner(migrations).ApplyAsync(database, TimeProvider.System);
        })));

        Assert.Equal(3, results.Sum(applied => applied.Count));
        Assert.Equal([1, 2, 3], (await TestSql.RowsAsync(database, "SELECT version FROM schema_migrations ORDER BY version")).Select(r => (int)r[0]));
    }
}
