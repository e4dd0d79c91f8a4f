using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Notifications;
using Filing.Api.Register;
using Filing.Core.Calendar;
using Filing.Core.Documents;
using Filing.Core.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using INotificationOutbox = Filing.Api.Infrastructure.Outbox.INotificationOutbox;

namespace Filing.Api.Participation;

/// <summary>
/// What every participation handler needs: the register's context, the settings, participation's own notifications
/// (<see cref="Outbox"/>: the handling office's inbox and the e-mail/SMS notices to citizens, which carry their contact
/// details) and the feeds outbox (<see cref="Feeds"/>: public events for the change log and webhooks, and non-public
/// notifications to an organisation's webhooks — never anything personal).
/// </summary>
public sealed class ParticipationContext(RegisterContext register, IOptions<ParticipationOptions> options, NotificationOutbox outbox, INotificationOutbox feeds)
{
    /// <summary>How the public appears in the audit trail: never with a name.</summary>
    public static readonly Caller Public = new(null, null, null, CallerRoles.None, null, "公众 / the public");

    public RegisterContext Register => register;

    public FilingDbContext Db => register.Db;

    public Caller Caller => register.Caller;

    public WorkingCalendar Calendar => register.Calendar;

    public ParticipationOptions Options => options.Value;

    public NotificationOutbox Outbox => outbox;

    public INotificationOutbox Feeds => feeds;

    public DateTimeOffset Now => register.Now;

    public DateOnly Today => register.Today;

    /// <summary>The last moment of <paramref name="day"/> in Beijing: 24:00, i.e. the next day's 00:00 (+08:00).</summary>
    public DateTimeOffset EndOfDay(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Calendar.TimeZone.GetUtcOffset(midnight));
    }

    /// <summary>
    /// Starts a transaction that holds <paramref name="consultationId"/>'s row until it ends, so that comments arriving
    /// together queue for their numbers instead of failing each other's concurrency checks: a row lock on PostgreSQL
    /// (<c>FOR UPDATE</c>), the database write lock on SQLite (its transactions begin IMMEDIATE).
    /// </summary>
    public async Task<IDbContextTransaction> LockConsultationAsync(Guid consultationId, CancellationToken ct)
    {
        var transaction = await Db.Database.BeginTransactionAsync(ct);
        if (Db.Provider == DatabaseProvider.PostgreSQL)
        {
            await Db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Consultations\" WHERE \"Id\" = {consultationId} FOR UPDATE", ct);
        }

        return transaction;
    }

    /// <summary>The reader's result stored for a version, or null when it is missing or unreadable.</summary>
    public async Task<NormativeDocument?> ParsedVersionAsync(Guid documentId, int version, CancellationToken ct)
    {
        var json = await Db.VersionContents.AsNoTracking()
            .Where(c => c.DocumentId == documentId && c.VersionNumber == version)
            .Select(c => c.ParsedJson)
            .SingleOrDefaultAsync(ct);
        return json is null ? null : StoredParse.Read(json);
    }

    /// <summary>The legal offices of <paramref name="jurisdictionId"/>'s government: they handle its objections.</summary>
    public Task<List<Guid>> HandlingOfficesAsync(Guid jurisdictionId, CancellationToken ct) =>
        HandlingOfficesAsync(Db, jurisdictionId, ct);

    /// <summary>The legal offices of <paramref name="jurisdictionId"/>'s government: they handle its objections.</summary>
    public static Task<List<Guid>> HandlingOfficesAsync(FilingDbContext db, Guid jurisdictionId, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(x => x.Kind == OrganisationKind.LegalOffice && x.ParentId == jurisdictionId)
            .Select(x => x.Id).ToListAsync(ct);

    /// <summary>
    /// The objection's number on its document (1 = the first received): how public events and the timeline name it,
    /// instead of its tracking code.
    /// </summary>
    public async Task<int> ObjectionNumberAsync(Core.Participation.Objection objection, CancellationToken ct)
    {
        var documentId = objection.DocumentId;
        var all = await Db.Objections.AsNoTracking().Where(o => o.DocumentId == documentId)
            .Select(o => new ObjectionOrder(o.Id, o.ReceivedAt, o.TrackingCode)).ToListAsync(ct);
        if (all.All(o => o.Id != objection.Id))
        {
            all.Add(new ObjectionOrder(objection.Id, objection.ReceivedAt, objection.TrackingCode));
        }

        return NumberObjections(all)[objection.Id];
    }

    /// <summary>Numbers a document's objections 1, 2, … by receipt (ties, e.g. within one instant, by tracking code).</summary>
    public static Dictionary<Guid, int> NumberObjections(IEnumerable<ObjectionOrder> objections) =>
        objections.DistinctBy(o => o.Id)
            .OrderBy(o => o.ReceivedAt).ThenBy(o => o.TrackingCode, StringComparer.Ordinal)
            .Select((o, i) => (o.Id, Number: i + 1))
            .ToDictionary(x => x.Id, x => x.Number);

    /// <summary>Appends an audit entry to the document's chain (saved with the caller's next SaveChanges).</summary>
    public Task AuditAsync(Guid documentId, Caller actor, string action, object? before, object? after, string? subject, CancellationToken ct) =>
        register.Audit.AppendAsync(Infrastructure.Audit.AuditTrail.DocumentStream(documentId), actor, action, before, after, subject, ct);
}

/// <summary>What numbering a document's objections needs.</summary>
/// <param name="Id">The objection.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="TrackingCode">Its tracking code (breaks ties; never shown).</param>
public sealed record ObjectionOrder(Guid Id, DateTimeOffset ReceivedAt, string TrackingCode);
