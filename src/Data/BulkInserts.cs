using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace MentorBot.Data;

/// <summary>
/// The kinds of rows <see cref="BulkInserts"/> inserts a table at a time, in this order: <see cref="Before"/> EF's save the
/// rows others refer to (a new person, her conversation), <see cref="After"/> it the rows nothing refers to (her messages,
/// the bot's replies, a dialog's state).
/// </summary>
public sealed record BulkInsertTypes(IReadOnlyList<Type> Before, IReadOnlyList<Type> After);

/// <summary>
/// <c>SaveChanges</c> for a unit of work that adds many rows of a few kinds (a batch of inbound turns). The added rows of
/// each such kind go in with one <c>INSERT … SELECT FROM unnest(…)</c>, a column array per parameter; EF saves the rest.
/// EF writes an INSERT statement per row, and for a batch of 30 rows building, ordering and sending them was a quarter of
/// the app's CPU per inbound webhook; one statement per table is also one execution in PostgreSQL instead of one per row.
/// The order keeps EF's guarantees: a row is inserted before EF's save only when nothing it refers to is still to be
/// inserted by EF and no row EF updates or deletes could collide with it on a unique index; after EF's save only when
/// nothing EF writes refers to it, and then EF's updates come first (a dialog superseded in the same turn is no longer
/// active when its successor is inserted: a partial unique index allows one active dialog each). A kind that does not
/// qualify in a unit of work is simply saved by EF.
/// </summary>
public static class BulkInserts
{
    static readonly ConcurrentDictionary<IEntityType, BulkTable?> Tables = new();

    public static async Task SaveChangesAsync(this DbContext db, BulkInsertTypes types, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // EF's save and the inserts around it are one unit of work: all of it or none.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await SaveInTransactionAsync(db, types, ct);
            await transaction.CommitAsync(ct);
            return;
        }

        await SaveInTransactionAsync(db, types, ct);
    }

    static async Task SaveInTransactionAsync(DbContext db, BulkInsertTypes types, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        // Detected once: listing the entries, marking them and EF's save would each detect again over every tracked row.
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var entries = tracker.Entries().ToList();
            var before = Plan(db, types.Before, entries, (table, inserted) => CanGoFirst(table, entries, inserted));
            var after = Plan(db, types.After, entries, (table, _) => !IsReferencedByPending(table, entries));
            // Unchanged to EF, so its save leaves them out.
            foreach (var row in before.Concat(after).SelectMany(i => i.Rows))
            {
                row.State = EntityState.Unchanged;
            }

            await InsertAsync(db, before, ct);
            await db.SaveChangesAsync(ct);
            await InsertAsync(db, after, ct);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>For each kind in order that qualifies, its added rows.</summary>
    static List<(BulkTable Table, List<EntityEntry> Rows)> Plan(DbContext db, IReadOnlyList<Type> clrTypes, List<EntityEntry> entries,
        Func<BulkTable, HashSet<IEntityType>, bool> qualifies)
    {
        var plan = new List<(BulkTable Table, List<EntityEntry> Rows)>();
        var inserted = new HashSet<IEntityType>();
        var sqlHelper = db.GetService<ISqlGenerationHelper>();
        foreach (var clrType in clrTypes)
        {
            var type = db.Model.FindEntityType(clrType) ?? throw new ArgumentException($"{clrType.Name} is not in the model", nameof(clrTypes));
            if (Tables.GetOrAdd(type, BulkTable.For, sqlHelper) is not { } table || !qualifies(table, inserted))
            {
                continue; // EF saves them as usual
            }

            inserted.Add(type);
            var rows = entries.Where(e => e.State == EntityState.Added && e.Metadata == type).ToList();
            if (rows.Count > 0)
            {
                plan.Add((table, rows));
            }
        }

        return plan;
    }

    static async Task InsertAsync(DbContext db, List<(BulkTable Table, List<EntityEntry> Rows)> inserts, CancellationToken ct)
    {
        if (inserts.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
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
    }

    /// <summary>
    /// Before EF's save: every row it refers to that is still to be inserted is inserted ahead of it, none that it could
    /// refer to is about to be deleted (the delete would cascade to it), and no row of its kind that EF updates or deletes
    /// could take its place on a unique index (a phone number moved from one person to another).
    /// </summary>
    static bool CanGoFirst(BulkTable table, List<EntityEntry> entries, HashSet<IEntityType> inserted) =>
        !entries.Any(e => e.State switch
        {
            EntityState.Added => table.Principals.Contains(e.Metadata) && !inserted.Contains(e.Metadata),
            EntityState.Deleted => table.Principals.Contains(e.Metadata) || e.Metadata == table.Type,
            EntityState.Modified => e.Metadata == table.Type && e.Properties.Any(p => p.IsModified && table.UniqueProperties.Contains(p.Metadata)),
            _ => false,
        });

    /// <summary>After EF's save: nothing EF is about to write points at a row of this kind (a web chat activity at its message).</summary>
    static bool IsReferencedByPending(BulkTable table, List<EntityEntry> entries) =>
        table.ReferencedBy.Count > 0 && entries.Any(e => e.State is EntityState.Added or EntityState.Modified && table.ReferencedBy.Contains(e.Metadata));

    /// <summary>
    /// One table's insert: its columns, their store types and how a property's value becomes the column's; and what of the
    /// model decides when its rows may go in (the kinds it refers to, those that refer to it, its unique columns).
    /// </summary>
    sealed class BulkTable
    {
        public required IEntityType Type { get; init; }
        public required string Name { get; init; }
        public required IReadOnlyList<BulkColumn> Columns { get; init; }
        public required string Sql { get; init; }
        public required IReadOnlySet<IEntityType> Principals { get; init; }
        public required IReadOnlySet<IEntityType> ReferencedBy { get; init; }
        public required IReadOnlySet<IReadOnlyProperty> UniqueProperties { get; init; }

        /// <summary>Null when EF must write the type itself: several tables, a value the database generates, an owned or JSON part.</summary>
        public static BulkTable? For(IEntityType type, ISqlGenerationHelper sqlHelper)
        {
            if (type.GetTableName() is not { } name || type.GetMappingFragments().Any() || type.IsOwned() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
                || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any())
            {
                return null;
            }

            var table = StoreObjectIdentifier.Table(name, type.GetSchema());
            var columns = new List<BulkColumn>();
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
                columns.Add(new BulkColumn(property, column, mapping.StoreType, mapping.Converter, elementType));
            }

            var sql = new StringBuilder($"INSERT INTO {sqlHelper.DelimitIdentifier(name, type.GetSchema())} (");
            sql.AppendJoin(", ", columns.Select(c => sqlHelper.DelimitIdentifier(c.Name)));
            sql.Append(") SELECT ");
            sql.AppendJoin(", ", columns.Select((c, i) => $"u.c{i}::{c.StoreType}"));
            sql.Append(" FROM unnest(");
            sql.AppendJoin(", ", columns.Select((_, i) => $"${i + 1}"));
            sql.Append(") AS u(");
            sql.AppendJoin(", ", columns.Select((_, i) => $"c{i}"));
            sql.Append(')');
            return new BulkTable
            {
                Type = type, Name = name, Columns = columns, Sql = sql.ToString(),
                Principals = type.GetForeignKeys().Select(fk => fk.PrincipalEntityType).ToHashSet(),
                ReferencedBy = type.GetReferencingForeignKeys().Select(fk => fk.DeclaringEntityType).Where(t => t != type).ToHashSet(),
                UniqueProperties = type.GetIndexes().Where(i => i.IsUnique).SelectMany(i => i.Properties)
                    .Concat(type.GetKeys().SelectMany(k => k.Properties)).ToHashSet<IReadOnlyProperty>(),
            };
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
    }

    sealed record BulkColumn(IProperty Property, string Name, string StoreType, ValueConverter? Converter, Type ElementType);
}
