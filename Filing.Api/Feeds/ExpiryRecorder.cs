using Filing.Api.Infrastructure.Data;
using Filing.Core.Calendar;
using Filing.Core.Feeds;
using Filing.Core.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Filing.Api.Feeds;

/// <summary>
/// Records <c>document.expired</c> events. A document's expiry is derived (its status reads "expired" the day after
/// <c>validUntil</c> with no timer involved), but a change log and webhooks need the event to exist at a position in
/// the log. So: a publication whose validity has already run out records its expiry at once (see
/// <see cref="RegisterEventInterceptor"/>), and this recorder adds the expiries that have come due since it last ran.
/// It runs before every read of the change log and the feed (a single-row check when nothing is due, so readers never
/// see a stale log) and in the background (so webhooks go out even when nobody reads). It is idempotent: a day is
/// swept once (the watermark in <see cref="EventLogState"/>), the sweep holds the event-log lock, and each document's
/// expiry has a unique dedupe key.
/// </summary>
public sealed class ExpiryRecorder(FilingDbContext db, WorkingCalendar calendar, TimeProvider clock)
{
    /// <summary>Records every expiry due by today that is not recorded yet; returns how many it recorded.</summary>
    public async Task<int> RecordDueAsync(CancellationToken cancellationToken)
    {
        var today = calendar.Today(clock);
        var through = await db.EventLogState.AsNoTracking().Select(s => s.ExpiriesRecordedThroughDay).SingleAsync(cancellationToken);
        if (through == today.DayNumber)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RegisterEventInterceptor.ReserveSequencesAsync(db, 0, cancellationToken); // take the event-log lock first
        through = await db.EventLogState.AsNoTracking().Select(s => s.ExpiriesRecordedThroughDay).SingleAsync(cancellationToken);
        if (through == today.DayNumber)
        {
            return 0; // another instance swept meanwhile
        }

        // Validity ended on validUntil; the document reads as expired from the day after. Documents whose validUntil is
        // before the last sweep's day were handled then (or at their publication). Should the clock ever go back (a
        // corrected server clock, tests), sweep everything: the check against recorded expiries keeps it idempotent.
        DateOnly? from = through is { } day && day < today.DayNumber ? DateOnly.FromDayNumber(day).AddDays(-1) : null;
        var candidates = await db.Documents.AsNoTracking()
            .Where(d => d.Stage >= LifecycleStage.Published && d.ValidUntil != null && d.ValidUntil < today)
            .Where(d => from == null || d.ValidUntil >= from)
            .Select(ExpiryFacts.Projection)
            .ToListAsync(cancellationToken);
        var ids = candidates.Select(d => d.Id).ToList();
        var recorded = new HashSet<Guid>(await db.RegisterEvents
            .Where(e => e.Type == RegisterEventTypes.DocumentExpired && e.DocumentId != null && ids.Contains(e.DocumentId.Value))
            .Select(e => e.DocumentId!.Value)
            .ToListAsync(cancellationToken));
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var document in candidates.Where(d => !recorded.Contains(d.Id)).OrderBy(d => d.ValidUntil).ThenBy(d => d.Id))
        {
            if (RegisterEvents.ExpiresOn(document) is { } expires && expires <= today)
            {
                db.RegisterEvents.Add(RegisterEvents.Expired(document, now));
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE "EventLogState" SET "ExpiriesRecordedThroughDay" = {today.DayNumber} WHERE "Id" = 1""", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return added;
    }
}

/// <summary>Runs <see cref="ExpiryRecorder"/> at start-up and every <see cref="FeedsOptions.ExpirySweepInterval"/>.</summary>
internal sealed class ExpirySweepService(IServiceScopeFactory scopes, IOptions<FeedsOptions> options, ILogger<ExpirySweepService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ExpirySweepInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var recorded = await scope.ServiceProvider.GetRequiredService<ExpiryRecorder>().RecordDueAsync(stoppingToken);
                if (recorded > 0)
                {
                    logger.LogInformation("Recorded {Count} document expiries", recorded);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The expiry sweep failed; it runs again in {Interval}", interval);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
