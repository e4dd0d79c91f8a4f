using System.Text.Json;
using Filing.Api.Infrastructure.Data;
using Filing.Core.Audit;
using Filing.Core.Register;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Infrastructure.Audit;

/// <summary>
/// The append-only audit trail (过程留痕) every feature writes to: entries are added to the caller's unit of work and
/// commit atomically with the change they describe. Each stream (one per document, cleanup or organisation) is a
/// hash chain with a head row; <see cref="VerifyAsync"/> detects edited, inserted, reordered or deleted rows.
/// </summary>
public sealed class AuditTrail(FilingDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string DocumentStream(Guid documentId) => $"document:{documentId:D}";

    public static string CleanupStream(Guid cleanupId) => $"cleanup:{cleanupId:D}";

    public static string OrganisationStream(Guid organisationId) => $"organisation:{organisationId:D}";

    /// <summary>Adds an entry to <paramref name="stream"/>; it is saved by the caller's next SaveChanges.</summary>
    public async Task AppendAsync(
        string stream,
        Caller caller,
        string action,
        object? oldValue,
        object? newValue,
        string? subject = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var head = await db.AuditHeads.FindAsync([stream], cancellationToken);
        if (head is null)
        {
            head = new AuditStreamHead(stream);
            db.AuditHeads.Add(head);
        }

        var entry = new AuditEntry(
            stream,
            head.Count + 1,
            clock.GetUtcNow(),
            caller.OrganisationId,
            caller.KeyId,
            caller.Name,
            action,
            subject,
            Serialize(oldValue),
            Serialize(newValue),
            head.LastHash);
        head.Advance(entry);
        db.AuditEntries.Add(entry);
    }

    /// <summary>Checks a stream's chain against its head.</summary>
    public async Task<AuditVerification> VerifyAsync(string stream, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Stream == stream).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Stream == stream, cancellationToken);
        return AuditChain.Verify(entries, head);
    }

    private static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Json);
}
