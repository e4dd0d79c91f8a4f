using Filing.Api.Infrastructure.Audit;
using Filing.Api.Infrastructure.Data;
using Filing.Core.Calendar;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register;

/// <summary>
/// Registration (统一登记、统一编号): in one transaction, check the lifecycle, draw the next number of the issuing
/// authority's prefix for the registration year, refuse a 发文字号 the authority has already registered, record the step
/// and its audit entry, commit. Any failure or refusal rolls the number back with everything else, so the yearly sequence
/// has no gaps and no duplicates.
/// </summary>
public sealed class RegistrationService(FilingDbContext db, IUnifiedNumberAllocator numbers, AuditTrail audit, WorkingCalendar calendar, TimeProvider clock)
{
    public async Task<RegistrationResult> RegisterAsync(Guid documentId, Caller caller, CancellationToken ct)
    {
        // Read and check before the transaction, so the counter (and SQLite's write lock) is held only for the writes;
        // the document's concurrency stamp catches anyone who changed it in between.
        var document = await db.Documents.WithSpecification(new DocumentByIdSpec(documentId, caller)).SingleOrDefaultAsync(ct);
        if (document is null)
        {
            return RegistrationResult.NotFound;
        }

        if (!RegisterPermissions.CanAct(caller, document, DocumentAction.Registration))
        {
            return RegistrationResult.Forbidden;
        }

        document.EnsureCanRegister();
        var issuer = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == document.IssuingAuthorityId, ct);
        var now = clock.GetUtcNow();
        var before = DocumentViews.Snapshot(document);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Provider == DatabaseProvider.PostgreSQL)
        {
            // The authority's registrations queue on its row until commit, so the duplicate check below sees every
            // registration that came first — also one drawing from another year's counter just after New Year. SQLite's
            // transaction already holds the database write lock (IMMEDIATE). NO KEY UPDATE leaves uploads free to
            // reference the row meanwhile.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Organisations\" WHERE \"Id\" = {issuer.Id} FOR NO KEY UPDATE", ct);
        }

        var number = await numbers.NextAsync(issuer.UnifiedNumberPrefix!, calendar.DateOf(now).Year, ct);
        if (document.DocumentNumberKey is { } key && await HolderOfAsync(document, key, ct) is { } holder)
        {
            // Nothing has been written but the counter: leaving without commit rolls the number back.
            return RegistrationResult.Duplicate(document, holder);
        }

        var step = document.Register(number, caller.AsActor(), now);
        await audit.AppendAsync(AuditTrail.DocumentStream(document.Id), caller, "step.registration", before,
            new { document = DocumentViews.Snapshot(document), step = DocumentViews.StepRecord(step) }, null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RegistrationResult(RegistrationOutcome.Registered, document);
    }

    // 发文字号 are never reused: a registered document keeps its number when published, amended, repealed or expired.
    private Task<RegisteredDocumentNumber?> HolderOfAsync(NormativeDocumentRecord document, string key, CancellationToken ct) =>
        db.Documents.AsNoTracking()
            .Where(d => d.IssuingAuthorityId == document.IssuingAuthorityId && d.DocumentNumberKey == key && d.UnifiedNumber != null && d.Id != document.Id)
            .OrderBy(d => d.UnifiedNumber)
            .Select(d => new RegisteredDocumentNumber(d.Id, d.UnifiedNumber!, d.DocumentNumber!, d.Title))
            .FirstOrDefaultAsync(ct);
}

public enum RegistrationOutcome
{
    Registered,
    NotFound,
    Forbidden,

    /// <summary>The issuing authority has already registered a document under the same 发文字号; nothing was changed.</summary>
    DuplicateDocumentNumber,
}

/// <summary>The registered document that holds a 发文字号.</summary>
public sealed record RegisteredDocumentNumber(Guid Id, string UnifiedNumber, string DocumentNumber, string Title);

public sealed record RegistrationResult(RegistrationOutcome Outcome, NormativeDocumentRecord? Document, RegisteredDocumentNumber? Holder = null)
{
    public static RegistrationResult NotFound { get; } = new(RegistrationOutcome.NotFound, null);

    public static RegistrationResult Forbidden { get; } = new(RegistrationOutcome.Forbidden, null);

    public static RegistrationResult Duplicate(NormativeDocumentRecord document, RegisteredDocumentNumber holder) =>
        new(RegistrationOutcome.DuplicateDocumentNumber, document, holder);
}
