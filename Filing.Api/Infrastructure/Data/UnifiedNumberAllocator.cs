using Filing.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Infrastructure.Data;

/// <summary>
/// Draws unified numbers from <see cref="NumberSequence"/> with one atomic statement,
/// <c>INSERT … ON CONFLICT DO UPDATE SET LastValue = LastValue + 1 RETURNING LastValue</c>, on the caller's open
/// transaction. On PostgreSQL the row stays locked until that transaction ends, so concurrent registrations (on any
/// number of API instances) queue on it; on SQLite the transaction holds the database's write lock (BEGIN IMMEDIATE).
/// Either way a rolled-back registration gives its number back: no gaps, no duplicates. Never MAX()+1.
/// </summary>
public sealed class UnifiedNumberAllocator(FilingDbContext db) : IUnifiedNumberAllocator
{
    public async Task<UnifiedNumber> NextAsync(string prefix, int year, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Unified numbers are drawn inside the registration transaction.");
        }

        if (!UnifiedNumber.IsValidPrefix(prefix))
        {
            throw new ArgumentException($"'{prefix}' is not a unified-number prefix.", nameof(prefix));
        }

        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO "NumberSequences" ("Prefix", "Year", "LastValue") VALUES ({prefix}, {year}, 1)
            ON CONFLICT ("Prefix", "Year") DO UPDATE SET "LastValue" = "NumberSequences"."LastValue" + 1
            RETURNING "LastValue" AS "Value"
            """).ToListAsync(cancellationToken);
        var next = values.Single();
        if (next > UnifiedNumber.MaxSequence)
        {
            throw new LifecycleViolationException("registration", "sequence-exhausted",
                $"{prefix} 在 {year} 年的统一编号已用完（最多 {UnifiedNumber.MaxSequence} 个）/ The {year} sequence of {prefix} is exhausted.");
        }

        return UnifiedNumber.Create(prefix, year, next);
    }
}
