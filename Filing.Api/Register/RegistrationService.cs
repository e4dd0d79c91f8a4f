using Filing.Api.Infrastructure.Audit;
using Filing.Api.Infrastructure.Data;
using Filing.Core.Calendar;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register;

/// <summary>
/// Registration (统一登记、统一编号): in one transaction, check the lifecycle, draw the next number of the issuing
/// authority's prefix for the registration year, record the step and its audit entry, commit. Any failure rolls the
/// number back with everything else, so the yearly sequence has no gaps and no duplicates.
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
        var number = await numbers.NextAsync(issuer.UnifiedNumberPrefix!, calendar.DateOf(now).Year, ct);
        var step = document.Register(number, caller.AsActor(), now);
        await audit.AppendAsync(AuditTrail.DocumentStream(document.Id), caller, "step.registration", before,
            new { document = DocumentViews.Snapshot(document), step = DocumentViews.StepRecord(step) }, null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RegistrationResult(RegistrationOutcome.Registered, document);
    }
}

public enum RegistrationOutcome
{
    Registered,
    NotFound,
    Forbidden,
}

public sealed record RegistrationResult(RegistrationOutcome Outcome, NormativeDocumentRecord? Document)
{
    public static RegistrationResult NotFound { get; } = new(RegistrationOutcome.NotFound, null);

    public static RegistrationResult Forbidden { get; } = new(RegistrationOutcome.Forbidden, null);
}
