using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MentorBot.Data;

/// <summary>
/// <c>SaveChanges</c> for a unit of work that adds many rows of a few kinds no other row refers to (a batch of inbound
/// turns: her messages, the bot's replies, the dialogs' states). EF saves everything else first; then the added rows of
/// each such kind go in with one <c>INSERT … SELECT FROM unnest(…)</c>, a column array per parameter. EF writes an INSERT
/// statement per row, and for a batch of 30 rows building, ordering and sending them was a quarter of the app's CPU per
/// inbound webhook; one statement per table is also one execution in PostgreSQL instead of one per row.
/// After EF, because nothing EF inserts can refer to these rows, and EF's updates come first: a dialog superseded in the
/// same turn is no longer active when its successor is inserted (a partial unique index allows one active dialog each).
/// </summary>
public static class LeafRowInserts
{
    static readonly ConcurrentDictionary<IEntityType, LeafTable?> Tables = new();

    /// <summary>Saves the unit of work; the added rows of <paramref name="leafTypes"/> (in this order) after everything else.</summary>
    public static async Task SaveChangesAsync(this DbContext db, IReadOnlyList<Type> leafTypes, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // EF's save and the inserts after it are one unit of work: all of it or none.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await SaveInTransactionAsync(db, leafTypes, ct);
            await transaction.CommitAsync(ct);
            return;
        }

        await SaveInTransactionAsync(db, leafTypes, ct);
    }

    static async Task SaveInTransactionAsync(DbContext db, IReadOnlyList<Type> leafTypes, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        // Detected once: listing the entries, marking them and EF's save would each detect again over every tracked row.
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        var inserts = new List<(LeafTable Table, List<EntityEntry> Rows)>();
        try
        {
            var entries = tracker.Entries().ToList();
            foreach (var clrType in leafTypes)
            {
                var type = db.Model.FindEntityType(clrType) ?? throw new ArgumentException($"{clrType.Name} is not in the model", nameof(leafTypes));
                if (Tables.GetOrAdd(type, LeafTable.For) is not { } table || IsReferencedByPending(type, entries))
                {
                    continue; // EF saves them as usual
                }

                var rows = entries.Where(e => e.State == EntityState.Added && e.Metadata == type).ToList();
                if (rows.Count > 0)
                {
                    inserts.Add((table, rows));
                }
            }

            // Unchanged to EF, so its save leaves them out; they are inserted right after it, in the same transaction.
            foreach (var row in inserts.SelectMany(i => i.Rows))
            {
                row.State = EntityState.Unchanged;
            }

            await db.SaveChangesAsync(ct);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }

        if (inserts.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var (table, rows) in inserts)
            {
                batch.BatchCommands.Add(table.Command(rows));
            }

            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (DbException e)
        {
            // As EF reports a failed save, so callers tell a unique violation or an outage the same way for every row.
            throw new DbUpdateException($"Inserting the added {string.Join(", ", inserts.Select(i => i.Table.Name))} rows failed: {e.Message}", e);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Something EF is about to write may point at one of these rows (a web chat activity at its message): then EF writes them all.</summary>
    static bool IsReferencedByPending(IEntityType type, List<EntityEntry> entries)
    {
        var referencing = type.GetReferencingForeignKeys().Select(fk => fk.DeclaringEntityType).Where(t => t != type).ToHashSet();
        return referencing.Count > 0 && entries.Any(e => e.State is EntityState.Added or EntityState.Modified && referencing.Contains(e.Metadata));
    }

    /// <summary>One table's insert: its columns, their store types and how a property's value becomes the column's.</summary>
    sealed class LeafTable
    {
        public required string Name { get; init; }
        public required IReadOnlyList<LeafColumn> Columns { get; init; }
        public required string Sql { get; init; }

        /// <summary>Null when EF must write the type itself: several tables, a value the database generates, an owned or JSON part.</summary>
        public static LeafTable? For(IEntityType type)
        {
            if (type.GetTableName() is not { } name || type.GetMappingFragments().Any() || type.IsOwned() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
                || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any())
            {
                return null;
            }

            var table = StoreObjectIdentifier.Table(name, type.GetSchema());
            var columns = new List<LeafColumn>();
            foreach (var property in type.GetProperties())
            {
                // A key EF makes on the client (a Guid) is written like any value; one the database makes (an identity) is not known yet.
                var generated = property.ValueGenerated != ValueGenerated.Never && !(property.IsPrimaryKey() && property.ClrType == typeof(Guid));
                if (generated || property.GetDefaultValueSql() is not null || property.GetComputedColumnSql() is not null || property.IsConcurrencyToken || property.GetColumnName(table) is not { } column || property.GetRelationalTypeMapping() is not { } mapping)
                {
                    return null;
                }

                var providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
                var elementType = providerType.IsValueType && property.IsNullable ? typeof(Nullable<>).MakeGenericType(Nullable.GetUnderlyingType(providerType) ?? providerType) : providerType;
                columns.Add(new LeafColumn(property, column, mapping.StoreType, mapping.Converter, elementType));
            }

            var sql = new StringBuilder($"INSERT INTO {Quote(type.GetSchema(), name)} (");
            sql.AppendJoin(", ", columns.Select(c => Quote(null, c.Name)));
            sql.Append(") SELECT ");
            sql.AppendJoin(", ", columns.Select((c, i) => $"u.c{i}::{c.StoreType}"));
            sql.Append(" FROM unnest(");
            sql.AppendJoin(", ", columns.Select((_, i) => $"${i + 1}"));
            sql.Append(") AS u(");
            sql.AppendJoin(", ", columns.Select((_, i) => $"c{i}"));
            sql.Append(')');
            return new LeafTable { Name = name, Columns = columns, Sql = sql.ToString() };
        }

        public NpgsqlBatchCommand Command(List<EntityEntry> rows)
        {
            var command = new NpgsqlBatchCommand(Sql);
            foreach (var column in Columns)
            {
                var values = Array.CreateInstance(column.ElementType, rows.Count);
                for (var i = 0; i < rows.Count; i++)
                {
                    var value = rows[i].CurrentValues[column.Property];
                    values.SetValue(value is null || column.Converter is null ? value : column.Converter.ConvertToProvider(value), i);
                }

                command.Parameters.Add(new NpgsqlParameter { Value = values });
            }

            return command;
        }

        static string Quote(string? schema, string name) => (schema is null ? "" : $"\"{schema}\".") + $"\"{name}\"";
    }

    sealed record LeafColumn(IProperty Property, string Name, string StoreType, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, Type ElementType);
}
