using System.Runtime.CompilerServices;
using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Data.Search;
using Filing.Api.Infrastructure.Outbox;
using Filing.Core.Calendar;
using Filing.Core.Feeds;
using Filing.Core.Register;
using Filing.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Filing.Api.Feeds;

/// <summary>
/// Writes the public event log and the webhook outbox inside the register's own unit of work. On every SaveChanges of
/// a <see cref="FilingDbContext"/> it
/// <list type="number">
/// <item>derives events from what is being saved: a new publication, termination (repeal, declaration of invalidity,
/// amendment, revocation) or amendment-planned step of a document; a filing whose status moves to received, reviewed or
/// corrected; a cleanup that is published; plus any event another feature added through <see cref="INotificationOutbox"/>;</item>
/// <item>opens a transaction if the caller has none, and draws the events' sequence numbers from
/// <see cref="EventLogState"/> (which serialises event-writing transactions, so sequence order is commit order);</item>
/// <item>adds one outbox message per event and subscribed webhook;</item>
/// <item>lets the save run, then commits the transaction it opened (or rolls it back on failure) and wakes the dispatcher.</item>
/// </list>
/// So an event exists if and only if the change that caused it committed, and the step handlers need no explicit calls:
/// a step recorded anywhere (the step endpoints, cleanup publication, filing review) cannot forget its event.
/// </summary>
internal sealed class RegisterEventInterceptor(TimeProvider clock, WorkingCalendar calendar, OutboxSignal signal, IOptions<FeedsOptions> feeds)
    : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, SaveState> _states = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is FilingDbContext db)
        {
            await PrepareAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is FilingDbContext db)
        {
            PrepareAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await CompleteAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CompleteAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await FailAsync(eventData.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => FailAsync(eventData.Context).GetAwaiter().GetResult();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await FailAsync(eventData.Context);

    private async Task PrepareAsync(FilingDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var now = clock.GetUtcNow();
        var today = calendar.DateOf(now);
        var state = new SaveState();

        foreach (var e in Derive(tracker, now, today))
        {
            db.RegisterEvents.Add(e);
            state.Derived.Add(e);
        }

        var pending = tracker.Entries<RegisterEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.Sequence == 0)
            .Select(e => e.Entity)
            .OrderBy(e => e.LocalOrder)
            .ToList();
        state.Signal = tracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        var changed = ChangedDocuments(tracker).ToList();
        var registerChanged = changed.Count > 0;
        if (pending.Count == 0 && !registerChanged)
        {
            if (state.Signal)
            {
                _states.AddOrUpdate(db, state);
            }

            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            state.Owned = await db.Database.BeginTransactionAsync(ct);
        }

        _states.AddOrUpdate(db, state);
        var (last, version) = await ReserveAsync(db, pending.Count, registerChanged, ct);
        if (registerChanged)
        {
            await RecordChangesAsync(db, changed, version, state, ct);
        }

        if (pending.Count == 0)
        {
            return;
        }

        var first = last - pending.Count + 1;
        for (var i = 0; i < pending.Count; i++)
        {
            pending[i].AssignSequence(first + i);
            state.Sequenced.Add(pending[i]);
        }

        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.DeletedAt == null).ToListAsync(ct);
        var baseUrl = feeds.Value.PublicBaseUrl;
        foreach (var e in pending)
        {
            string? body = null;
            foreach (var subscription in subscriptions.Where(s => s.Wants(e.Type, e.IssuingAuthorityId)))
            {
                body ??= RegisterEventJson.Serialize(e, baseUrl);
                var message = OutboxMessage.ForWebhook(subscription, e.Id, e.Type, body, now);
                db.OutboxMessages.Add(message);
                state.Messages.Add(message);
                state.Signal = true;
            }
        }
    }

    /// <summary>
    /// The documents whose public facts or search entry the save changes, distinct: a document that is or was published,
    /// or a search entry or its term set (only published documents have them). None: the save does not change what the register answers.
    /// </summary>
    internal static IEnumerable<Guid> ChangedDocuments(ChangeTracker tracker) =>
        tracker.Entries<RegisterSearchEntry>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.DocumentId)
            .Concat(tracker.Entries<RegisterSearchTermSet>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Entity.DocumentId))
            .Concat(tracker.Entries<NormativeDocumentRecord>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                    && (e.Property(d => d.Stage).CurrentValue >= LifecycleStage.Published
                        || (e.State != EntityState.Added && e.Property(d => d.Stage).OriginalValue >= LifecycleStage.Published)))
                .Select(e => e.Entity.Id))
            .Distinct();

    /// <summary>Register versions whose <see cref="RegisterChange"/> rows are kept; an instance further behind reloads.</summary>
    internal const long RetainedChangeVersions = 10_000;

    /// <summary>Prune the change rows every this many versions (one indexed delete, in a transaction that holds the lock anyway).</summary>
    internal const long PruneChangesEvery = 256;

    /// <summary>Names the changed documents under the new register version, in the change's transaction.</summary>
    private static async Task RecordChangesAsync(FilingDbContext db, IEnumerable<Guid> changed, long version, SaveState state, CancellationToken ct)
    {
        foreach (var id in changed)
        {
            var change = new RegisterChange(version, id);
            db.RegisterChanges.Add(change);
            state.Changes.Add(change);
        }

        if (version % PruneChangesEvery == 0)
        {
            var before = version - RetainedChangeVersions;
            await db.RegisterChanges.Where(c => c.Version <= before).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>
    /// Draws <paramref name="count"/> sequence numbers and, when <paramref name="registerChanged"/>, moves
    /// <see cref="EventLogState.RegisterVersion"/> on, in one update; the lock this takes is held until the transaction ends.
    /// </summary>
    internal static async Task<long> ReserveSequencesAsync(FilingDbContext db, int count, CancellationToken ct, bool registerChanged = false) =>
        (await ReserveAsync(db, count, registerChanged, ct)).LastSequence;

    /// <summary><see cref="ReserveSequencesAsync"/>, returning the register version too.</summary>
    private static async Task<(long LastSequence, long RegisterVersion)> ReserveAsync(FilingDbContext db, int count, bool registerChanged, CancellationToken ct)
    {
        var bump = registerChanged ? 1 : 0;
        var values = await db.Database.SqlQuery<ReservedNumbers>($"""
            UPDATE "EventLogState" SET "LastSequence" = "LastSequence" + {count}, "RegisterVersion" = "RegisterVersion" + {bump}
            WHERE "Id" = 1
            RETURNING "LastSequence", "RegisterVersion"
            """).ToListAsync(ct);
        return values.Count == 1
            ? (values[0].LastSequence, values[0].RegisterVersion)
            : throw new InvalidOperationException("The EventLogState row is missing: apply the database migrations.");
    }

    private sealed class ReservedNumbers
    {
        public long LastSequence { get; init; }

        public long RegisterVersion { get; init; }
    }

    private static IEnumerable<RegisterEvent> Derive(ChangeTracker tracker, DateTimeOffset now, DateOnly today)
    {
        var steps = tracker.Entries<ProcedureStep>().Where(e => e.State == EntityState.Added).ToList();
        if (steps.Count > 0)
        {
            var documents = tracker.Entries<NormativeDocumentRecord>().Select(e => e.Entity).ToDictionary(d => d.Id);
            foreach (var step in steps.OrderBy(s => s.Entity.Sequence))
            {
                if (step.Property("DocumentId").CurrentValue is not Guid documentId || !documents.TryGetValue(documentId, out var document))
                {
                    continue;
                }

                switch (step.Entity.Kind)
                {
                    case StepKind.Publication:
                        yield return RegisterEvents.Published(document, now);
                        if (RegisterEvents.ExpiresOn(document) <= today)
                        {
                            // Published with a validity that has already run out (e.g. entering an old document).
                            yield return RegisterEvents.Expired(document, now);
                        }

                        break;
                    case StepKind.Termination:
                        yield return RegisterEvents.Terminated(document, now);
                        break;
                    case StepKind.AmendmentPlanned:
                        yield return RegisterEvents.AmendmentPlanned(document, step.Entity, now, today);
                        break;
                }
            }
        }

        foreach (var entry in tracker.Entries<OversightFiling>().Where(e => e.State == EntityState.Modified))
        {
            var status = entry.Property(f => f.Status);
            if (!status.IsModified || status.OriginalValue == status.CurrentValue)
            {
                continue;
            }

            var filing = entry.Entity;
            switch (filing.Status)
            {
                case FilingStatus.Received:
                    yield return RegisterEvents.FilingReceived(filing, now, today);
                    break;
                case FilingStatus.NoIssues or FilingStatus.CorrectionRequired or FilingStatus.Revoked:
                    yield return RegisterEvents.FilingReviewed(filing, now, today);
                    break;
                case FilingStatus.Corrected:
                    yield return RegisterEvents.FilingCorrected(filing, now, today);
                    break;
            }
        }

        foreach (var entry in tracker.Entries<CleanupCampaign>().Where(e => e.State == EntityState.Modified))
        {
            var status = entry.Property(c => c.Status);
            if (status.IsModified && status.OriginalValue != CleanupStatus.Published && status.CurrentValue == CleanupStatus.Published)
            {
                yield return RegisterEvents.CleanupPublished(entry.Entity, now);
            }
        }
    }

    private async Task CompleteAsync(DbContext? context, CancellationToken ct)
    {
        if (context is null || !_states.TryGetValue(context, out var state))
        {
            return;
        }

        _states.Remove(context);
        if (state.Owned is { } transaction)
        {
            try
            {
                await transaction.CommitAsync(ct);
            }
            catch
            {
                Forget(context, state);
                throw;
            }
            finally
            {
                await transaction.DisposeAsync();
            }
        }

        if (state.Signal)
        {
            signal.Notify();
        }
    }

    private async Task FailAsync(DbContext? context)
    {
        if (context is null || !_states.TryGetValue(context, out var state))
        {
            return;
        }

        _states.Remove(context);
        if (state.Owned is { } transaction)
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
        }

        Forget(context, state);
    }

    /// <summary>After a failed save: sequence numbers went back with the transaction; derived rows are made again on a retry.</summary>
    private static void Forget(DbContext context, SaveState state)
    {
        foreach (var e in state.Sequenced)
        {
            e.ResetSequence();
        }

        foreach (var entity in state.Derived.Cast<object>().Concat(state.Messages).Concat(state.Changes))
        {
            context.Entry(entity).State = EntityState.Detached;
        }
    }

    private sealed class SaveState
    {
        public IDbContextTransaction? Owned { get; set; }

        public bool Signal { get; set; }

        public List<RegisterEvent> Derived { get; } = [];

        public List<RegisterEvent> Sequenced { get; } = [];

        public List<OutboxMessage> Messages { get; } = [];

        public List<RegisterChange> Changes { get; } = [];
    }
}
