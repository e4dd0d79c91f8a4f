using Filing.Api.Infrastructure.Data;
using Filing.Api.Infrastructure.Notifications;
using Filing.Api.Register;
using Filing.Core.Calendar;
using Filing.Core.Documents;
using Filing.Core.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Filing.Api.Participation;

/// <summary>What every participation handler needs: the register's context, the settings and the notification outbox.</summary>
public sealed class ParticipationContext(RegisterContext register, IOptions<ParticipationOptions> options, NotificationOutbox outbox)
{
    /// <summary>How the public appears in the audit trail: never with a name.</summary>
    public static readonly Caller Public = new(null, null, null, CallerRoles.None, null, "公众 / the public");

    public RegisterContext Register => register;

    public FilingDbContext Db => register.Db;

    public Caller Caller => register.Caller;

    public WorkingCalendar Calendar => register.Calendar;

    public ParticipationOptions Options => options.Value;

    public NotificationOutbox Outbox => outbox;

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

    /// <summary>Appends an audit entry to the document's chain (saved with the caller's next SaveChanges).</summary>
    public Task AuditAsync(Guid documentId, Caller actor, string action, object? before, object? after, string? subject, CancellationToken ct) =>
        register.Audit.AppendAsync(Infrastructure.Audit.AuditTrail.DocumentStream(documentId), actor, action, before, after, subject, ct);
}
