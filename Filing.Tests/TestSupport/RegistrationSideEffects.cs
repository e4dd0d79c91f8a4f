using Filing.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Filing.Tests.TestSupport;

/// <summary>
/// What a registration writes besides the document: audit entries, register events, outbox messages and the demo
/// authority's 2024 unified-number sequence. A refused registration must leave all four as they were.
/// </summary>
public static class RegistrationSideEffects
{
    /// <summary>The four counts in <paramref name="factory"/>'s database.</summary>
    public static async Task<(int Audit, int Events, int Outbox, int LastNumber)> CountAsync(FilingApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FilingDbContext>();
        return (await db.AuditEntries.CountAsync(), await db.RegisterEvents.CountAsync(), await db.OutboxMessages.CountAsync(),
            await db.NumberSequences.Where(s => s.Prefix == "ATLD00" && s.Year == 2024).Select(s => (int?)s.LastValue).SingleOrDefaultAsync() ?? 0);
    }

    /// <summary>The yearly sequence number of a unified number (ATLD00-2024-0007 → 7).</summary>
    public static int Sequence(string unifiedNumber) => Filing.Core.Register.UnifiedNumber.Parse(unifiedNumber).Sequence;
}
