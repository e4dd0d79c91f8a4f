using System.Data.Common;
using Filing.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Filing.Benchmarks.Register;

/// <summary>
/// Inserts whole aggregates fast for seeding: EF Core tracks the graph (so keys, owned rows, shadow foreign keys and
/// value converters are exactly what SaveChanges would write), then the rows go out with PostgreSQL's binary COPY or,
/// on SQLite, prepared single-row INSERTs in one transaction. Column lists come from the EF model, never by hand.
/// </summary>
internal static class BulkLoader
{

    public static async Task InsertAsync(FilingDbContext db, IEnumerable<object> roots)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var root in roots)
        {
            db.Add(root);
        }

        // Parents before children: the model's foreign keys are checked per statement.
        var order = new[] { "Documents", "DocumentVersions", "VersionFindings", "ProcedureSteps", "Filings" };
        var tables = db.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added)
            .GroupBy(e => e.Metadata)
            .Select(g => (Type: g.Key, Table: g.Key.GetTableName()!, Rows: g.ToList()))
            .OrderBy(t => Array.IndexOf(order, t.Table) is var i && i < 0 ? int.MaxValue : i)
            .ToList();

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            if (connection is NpgsqlConnection npgsql)
            {
                foreach (var (type, table, rows) in tables)
                {
                    await CopyAsync(npgsql, type, table, rows);
                }
            }
            else
            {
                await using var transaction = await connection.BeginTransactionAsync();
                foreach (var (type, table, rows) in tables)
                {
                    await InsertRowsAsync(connection, transaction, type, table, rows);
                }

                await transaction.CommitAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static List<IProperty> Columns(IEntityType type, string table)
    {
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        return [.. type.GetProperties().Where(p => p.GetColumnName(store) is not null)];
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEntityType type, string table, List<EntityEntry> rows)
    {
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = Columns(type, table);
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(store)}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            foreach (var column in columns)
            {
                var value = ProviderValue(row, column);
                if (value is null)
                {
                    await importer.WriteNullAsync();
                }
                else
                {
                    var storeType = column.GetRelationalTypeMapping().StoreType;
                    var paren = storeType.IndexOf('(', StringComparison.Ordinal);
                    await importer.WriteAsync(value, paren < 0 ? storeType : storeType[..paren]);
                }
            }
        }

        await importer.CompleteAsync();
    }

    private static async Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, IEntityType type, string table, List<EntityEntry> rows)
    {
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = Columns(type, table);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(store)}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                // The type mapping creates the parameter exactly as EF would: it applies the value converter and binds
                // Guid and DateOnly as TEXT on SQLite.
                var mapping = columns[i].GetRelationalTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, "@p" + i, row.Property(columns[i].Name).CurrentValue, nullable: true));
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    private static object? ProviderValue(EntityEntry row, IProperty column)
    {
        var value = row.Property(column.Name).CurrentValue;
        if (value is null)
        {
            return null;
        }

        // The mapping's converter includes any configured on the property (string enums, UTC ticks, JSON lists).
        var converter = column.GetRelationalTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }
}
