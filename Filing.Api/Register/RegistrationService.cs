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
/// has no gaps and no duplicates. A 发文字号 sent with the registration (assigned at issuance, or correcting the draft's)
/// is the one checked and, once registered, the document's; a refusal leaves the old one. A 发文字号 whose 机关代字 is not
/// one of the authority's (when it lists any) is refused before the transaction: it points at another body.
/// </summary>
public sealed class RegistrationService(FilingDbContext db, IUnifiedNumberAllocator numbers, AuditTrail audit, WorkingCalendar calendar, TimeProvider clock)
{
    /// <param name="documentId">The document.</param>
    /// <param name="caller">Who registers it (the legal office).</param>
    /// <param name="documentNumber">The 发文字号 to register it under, when it is to be set or corrected; null keeps the document's.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <exception cref="RegisterValidationException"><paramref name="documentNumber"/> is not a 发文字号.</exception>
    public async Task<RegistrationResult> RegisterAsync(Guid documentId, Caller caller, string? documentNumber, CancellationToken ct)
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
        // The number the document will be registered under (the one sent, canonical, or its own) is the one checked.
        var registeredNumber = document.DocumentNumberOnRegistration(documentNumber);
        var registeredKey = NormativeDocumentRecord.DocumentNumberKeyOf(registeredNumber);
        var issuer = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == document.IssuingAuthorityId, ct);
        if (issuer.ForeignIssuerCodeOf(registeredNumber) is { } foreign)
        {
            // Refused before the transaction: no number drawn, nothing written.
            return RegistrationResult.ForeignIssuerCode(document, registeredNumber!, foreign, issuer.IssuerCodes);
        }

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
        if (registeredKey is { } key && await HolderOfAsync(document, key, ct) is { } holder)
        {
            // Nothing has been written but the counter (the document, its 发文字号 included, is untouched): leaving
            // without commit rolls the number back.
            return RegistrationResult.Duplicate(document, holder, registeredNumber!);
        }

        var step = document.Register(number, caller.AsActor(), now, documentNumber);
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

    /// <summary>The 发文字号's 机关代字 is not one of the issuing authority's; nothing was changed.</summary>
    ForeignIssuerCode,
}

/// <summary>The registered document that holds a 发文字号.</summary>
public sealed record RegisteredDocumentNumber(Guid Id, string UnifiedNumber, string DocumentNumber, string Title);

/// <summary>What registration did.</summary>
/// <param name="Outcome">Registered, or why not.</param>
/// <param name="Document">The document (registered, or as it was when refused).</param>
/// <param name="Holder">For a duplicate: the registered document that holds the number.</param>
/// <param name="RefusedDocumentNumber">For a refused 发文字号: the number (the one sent, canonical, or the document's own).</param>
/// <param name="IssuerCode">For a foreign 机关代字: the number's code.</param>
/// <param name="AuthorityIssuerCodes">For a foreign 机关代字: the issuing authority's codes.</param>
public sealed record RegistrationResult(RegistrationOutcome Outcome, NormativeDocumentRecord? Document, RegisteredDocumentNumber? Holder = null,
    string? RefusedDocumentNumber = null, string? IssuerCode = null, IReadOnlyList<string>? AuthorityIssuerCodes = null)
{
    public static RegistrationResult NotFound { get; } = new(RegistrationOutcome.NotFound, null);

    public static RegistrationResult Forbidden { get; } = new(RegistrationOutcome.Forbidden, null);

    public static RegistrationResult Duplicate(NormativeDocumentRecord document, RegisteredDocumentNumber holder, string documentNumber) =>
        new(RegistrationOutcome.DuplicateDocumentNumber, document, holder, documentNumber);

    public static RegistrationResult ForeignIssuerCode(NormativeDocumentRecord document, string documentNumber, string issuerCode, IReadOnlyList<string> authorityCodes) =>
        new(RegistrationOutcome.ForeignIssuerCode, document, null, documentNumber, issuerCode, authorityCodes);
}
