using MentorBot.Data.Model;
using MentorBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MentorBot.Tests.Data;

/// <summary>The EF model and the SQL migrations describe the same schema: every entity is written and read back.</summary>
public sealed class SchemaMappingTests(PostgresFixture postgres)
{
    // Written and read only by SQL: the migration runner's ledger, and the mentor change log its
    // triggers write and MentorRoster reads, and the Direct Line token generations erasure bumps.
    static readonly HashSet<string> SqlOnlyTables = ["schema_migrations", "mentor_changes", "direct_line_token_generations"];

    [Fact]
    public async Task Every_mapped_column_exists_with_the_models_type_and_nullability()
    {
        var database = await postgres.CreateDatabaseAsync();
        var columns = await ReadColumnsAsync(database);
        await using var db = TestDb.Open(database);

        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName();
                if (!columns.TryGetValue((table, column), out var actual))
                {
                    problems.Add($"{table}.{column} ({entity.ClrType.Name}.{property.Name}) is missing");
                    continue;
                }

                var expectedType = property.GetColumnType();
                if (actual.Type != expectedType)
                {
                    problems.Add($"{table}.{column} is {actual.Type}, the model says {expectedType}");
                }

                if (actual.Nullable != property.IsNullable)
                {
                    problems.Add($"{table}.{column} is {(actual.Nullable ? "" : "not ")}nullable, the model says {(property.IsNullable ? "" : "not ")}nullable");
                }
            }
        }

        var mappedTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).ToHashSet();
        problems.AddRange(columns.Keys.Select(k => k.Table).Distinct()
            .Where(t => !SqlOnlyTables.Contains(t) && !mappedTables.Contains(t))
            .Select(t => $"table {t} has no entity"));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Every_entity_is_written_and_read_back_unchanged()
    {
        var database = await postgres.CreateDatabaseAsync();
        var graph = SampleGraph.Create();
        await using (var db = TestDb.Open(database))
        {
            db.AddRange(graph.All);
            await db.SaveChangesAsync();
        }

        await using var reader = TestDb.Open(database);
        var problems = new List<string>();
        foreach (var written in graph.All)
        {
            var entityType = reader.Model.FindEntityType(written.GetType())!;
            var key = entityType.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!.GetValue(written)).ToArray();
            var read = await reader.FindAsync(written.GetType(), key);
            if (read is null)
            {
                problems.Add($"{entityType.ClrType.Name} {string.Join(",", key)} was not found");
                continue;
            }

            foreach (var property in entityType.GetProperties().Where(p => p.PropertyInfo is not null))
            {
                var expected = property.PropertyInfo!.GetValue(written);
                var actual = property.PropertyInfo.GetValue(read);
                if (!SameValue(expected, actual))
                {
                    problems.Add($"{entityType.ClrType.Name}.{property.Name}: wrote {Show(expected)}, read {Show(actual)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal(reader.Model.GetEntityTypes().Count(), graph.All.Select(e => e.GetType()).Distinct().Count());
    }

    [Fact]
    public async Task Enums_are_stored_as_snake_case_text()
    {
        var database = await postgres.CreateDatabaseAsync();
        var graph = SampleGraph.Create();
        await using (var db = TestDb.Open(database))
        {
            db.AddRange(graph.All);
            await db.SaveChangesAsync();
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status, (SELECT topics FROM meeting_reports LIMIT 1) FROM matches", connection);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal("pending_approval", row.GetString(0));
        Assert.Equal(["cv_application", "workplace_culture"], row.GetFieldValue<string[]>(1));
    }

    [Fact]
    public async Task Only_one_active_dialog_per_person()
    {
        var database = await postgres.CreateDatabaseAsync();
        var graph = SampleGraph.Create();
        await using var db = TestDb.Open(database);
        db.AddRange(graph.All);
        await db.SaveChangesAsync();

        db.Add(new DialogSession { ParticipantId = graph.Mentee.Id, DialogId = "report", StepId = "ask_met", StartedAt = SampleGraph.At, UpdatedAt = SampleGraph.At });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("ix_dialog_sessions_one_active", error.InnerException!.Message);
    }

    static bool SameValue(object? expected, object? actual) => (expected, actual) switch
    {
        (System.Collections.IEnumerable a, System.Collections.IEnumerable b) when expected is not string =>
            a.Cast<object>().SequenceEqual(b.Cast<object>()),
        _ => Equals(expected, actual),
    };

    static string Show(object? value) => value is System.Collections.IEnumerable list and not string
        ? $"[{string.Join(", ", list.Cast<object>())}]"
        : value?.ToString() ?? "null";

    static async Task<Dictionary<(string Table, string Column), (string Type, bool Nullable)>> ReadColumnsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new Dictionary<(string, string), (string, bool)>();
        while (await reader.ReadAsync())
        {
            columns[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), reader.GetBoolean(3));
        }

        return columns;
    }
}
