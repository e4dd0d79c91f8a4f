using Filing.Core.Documents;
using Filing.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Infrastructure.Data;

/// <summary>
/// Gives documents stored before the <c>DocumentNumberKey</c> column existed their 发文字号 look-up key. The key is
/// <see cref="NormativeDocumentRecord.DocumentNumberKeyOf"/> (<see cref="DocumentNumberParser.LookupKey"/>, C#), which a migration's SQL cannot compute, so it is filled at start-up
/// after the migrations; without it, registration would not see the numbers those documents hold. Once every row has
/// its key this is one query that finds nothing. The concurrency stamp is left alone: the document did not change.
/// </summary>
internal static class DocumentNumberKeyBackfill
{
    private const int Batch = 1000;

    public static async Task<int> RunAsync(FilingDbContext db, CancellationToken ct)
    {
        var pending = await db.Documents.AsNoTracking()
            .Where(d => d.DocumentNumber != null && d.DocumentNumberKey == null)
            .Select(d => new { d.Id, d.DocumentNumber })
            .ToListAsync(ct);
        foreach (var chunk in pending.Chunk(Batch))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in chunk)
            {
                var key = NormativeDocumentRecord.DocumentNumberKeyOf(row.DocumentNumber);
                await db.Documents.Where(d => d.Id == row.Id && d.DocumentNumberKey == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.DocumentNumberKey, key), ct);
            }

            await transaction.CommitAsync(ct);
        }

        return pending.Count;
    }
}
