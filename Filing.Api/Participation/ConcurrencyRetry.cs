using Filing.Api.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Filing.Api.Participation;

/// <summary>
/// Runs a unit of work again when it lost a race: many citizens commenting at once all bump the same comment counter
/// and audit-chain head, and the loser of an optimistic-concurrency check should be retried, not told "409". The work
/// must load everything it changes, because the change tracker is cleared between attempts.
/// </summary>
internal static class ConcurrencyRetry
{
    public static async Task<T> RunAsync<T>(FilingDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct, int attempts = 6)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(ct);
            }
            catch (DbUpdateException e) when (attempt < attempts && IsRace(e))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(System.Security.Cryptography.RandomNumberGenerator.GetInt32(5, 25) * attempt), ct);
            }
        }
    }

    private static bool IsRace(DbUpdateException e) => e is DbUpdateConcurrencyException || e.InnerException switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
