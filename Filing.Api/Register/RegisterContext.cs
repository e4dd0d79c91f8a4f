using Filing.Api.Infrastructure.Audit;
using Filing.Api.Infrastructure.Auth;
using Filing.Api.Infrastructure.Data;
using Filing.Core.Calendar;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Filing.Api.Register;

/// <summary>What every register handler needs: the database, the caller, the audit trail, the calendar and the clock.</summary>
public sealed class RegisterContext(
    FilingDbContext db,
    ICurrentCaller current,
    AuditTrail audit,
    WorkingCalendar calendar,
    TimeProvider clock,
    IOptions<RegisterOptions> options)
{
    public FilingDbContext Db => db;

    public Caller Caller => current.Caller;

    public AuditTrail Audit => audit;

    public WorkingCalendar Calendar => calendar;

    public RegisterOptions Options => options.Value;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Today in China (Asia/Shanghai).</summary>
    public DateOnly Today => calendar.Today(clock);

    public Task<NormativeDocumentRecord?> FindDocumentAsync(Guid id, CancellationToken ct) =>
        db.Documents.WithSpecification(new DocumentByIdSpec(id, Caller)).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<OversightFiling>> FilingsOfAsync(Guid documentId, CancellationToken ct) =>
        await db.Filings.WithSpecification(new FilingsOfDocumentSpec(documentId, Caller)).ToListAsync(ct);

    public async Task<DocumentDetail> DetailAsync(NormativeDocumentRecord document, CancellationToken ct)
    {
        var filings = await FilingsOfAsync(document.Id, ct);
        var participation = await Participation.DocumentParticipationEndpoints.SummaryAsync(this, document, ct);
        var insider = DocumentViews.IsInsider(Caller, document, filings);
        // Registration is next: say now if it will refuse the 发文字号's 机关代字 (one small read, only at this stage).
        var issuer = insider && document.Stage == LifecycleStage.Decided && document.DocumentNumber is not null
            ? await Db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == document.IssuingAuthorityId, ct)
            : null;
        return DocumentViews.Detail(document, filings, insider, Today, calendar, Options.LegalityReviewWorkingDays, participation, issuer);
    }

    public Task AuditDocumentAsync(NormativeDocumentRecord document, string action, object? before, object? after, string? subject, CancellationToken ct) =>
        audit.AppendAsync(AuditTrail.DocumentStream(document.Id), Caller, action, before, after, subject, ct);
}
