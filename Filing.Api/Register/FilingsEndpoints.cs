using Filing.Api.Infrastructure;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register;

/// <summary>
/// Filings (备案) with oversight bodies: the inbox, the formal check (receipt or return), resubmission, the review
/// opinion (no problem, correction with a deadline, revocation) and the issuing side's correction (有错必纠).
/// </summary>
internal static class FilingsEndpoints
{
    public static RouteGroupBuilder MapRegisterFilings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/filings").WithTags("Register: filings").RequireAuthorization();

        group.MapGet("/", Inbox)
            .WithName("ListFilings")
            .WithResponseExample(StatusCodes.Status200OK, RegisterExamples.Filings)
            .WithSummary("The caller's filings (an oversight body's inbox), earliest due first, with status and overdue filters")
            .WithDescription("An oversight body sees the filings addressed to it; the issuing side sees its own; the legal office sees its government's. " +
                "`overdue` is derived on the day asked: a returned filing not resubmitted by its due date, or a correction past its deadline.");
        group.MapGet("/{id:guid}", Get).WithName("GetFiling").WithSummary("One filing").WithResponseExample(StatusCodes.Status200OK, RegisterExamples.FilingItem);
        Mutation(group.MapPost("/{id:guid}/receipt", Receipt), "ReceiveFiling", "The oversight body records that the formal check passed (接收)");
        Mutation(group.MapPost("/{id:guid}/return", Return), "ReturnFiling", "The oversight body returns the filing with reasons (退回)").WithRequestExample(RegisterExamples.FilingReturn);
        Mutation(group.MapPost("/{id:guid}/resubmission", Resubmit), "ResubmitFiling", "The issuing side resubmits a returned filing").WithRequestExample(RegisterExamples.FilingResubmission);
        Mutation(group.MapPost("/{id:guid}/opinion", Opinion), "RecordFilingOpinion",
            "The oversight body's review opinion: no-problem, correction-required (with a deadline) or revocation (撤销 ends the document)")
            .WithRequestExample(RegisterExamples.FilingOpinion);
        Mutation(group.MapPost("/{id:guid}/correction", Correction), "RecordFilingCorrection",
            "The issuing side records its correction; the filing stays open until then (有错必纠)")
            .WithRequestExample(RegisterExamples.FilingCorrection);
        return group;
    }

    private static RouteHandlerBuilder Mutation(RouteHandlerBuilder builder, string name, string summary) =>
        builder.WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<PagedList<FilingDto>>, ValidationProblem>> Inbox([AsParameters] FilingListQuery query, RegisterContext ctx, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var limit = Paging.Limit(query.Limit, ctx.Options.MaxPageSize, errors);
        var status = KebabEnum.Filter<FilingStatus>(query.Status, "status", errors);
        var after = Cursor.ReadDateAndId(query.Cursor, "f", errors) is { } f ? new FilingCursor(f.Date, f.Id) : null;

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var today = ctx.Today;
        var filter = new FilingInboxFilter(status, query.Overdue, query.DocumentId, query.RecipientId);
        var total = await ctx.Db.Filings.WithSpecification(new FilingInboxSpec(ctx.Caller, filter, today, null, limit), criteriaOnly: true).CountAsync(ct);
        var page = await ctx.Db.Filings.AsNoTracking().WithSpecification(new FilingInboxSpec(ctx.Caller, filter, today, after, limit + 1)).ToListAsync(ct);
        var next = page.Count > limit ? Cursor.Encode("f", Cursor.Date(page[limit - 1].DueDate), page[limit - 1].Id.ToString("D")) : null;
        return TypedResults.Ok(new PagedList<FilingDto>([.. page.Take(limit).Select(f => FilingDto.From(f, today))], total, next));
    }

    private static async Task<Results<Ok<FilingDto>, ProblemHttpResult>> Get(Guid id, RegisterContext ctx, CancellationToken ct)
    {
        var filing = await ctx.Db.Filings.AsNoTracking().WithSpecification(new FilingByIdSpec(id, ctx.Caller)).SingleOrDefaultAsync(ct);
        return filing is null ? RegisterProblems.NotFound("filing") : TypedResults.Ok(FilingDto.From(filing, ctx.Today));
    }

    private static Task<Results<Ok<FilingDto>, ProblemHttpResult, ValidationProblem>> Receipt(Guid id, RegisterContext ctx, CancellationToken ct) =>
        ChangeAsync(id, ctx, recipientSide: true, "filing.received", (f, _) => f.Receive(ctx.Now), ct);

    private static Task<Results<Ok<FilingDto>, ProblemHttpResult, ValidationProblem>> Return(Guid id, FilingReturnRequest request, RegisterContext ctx, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(request.Reason)
            ? Task.FromResult<Results<Ok<FilingDto>, ProblemHttpResult, ValidationProblem>>(RegisterProblems.Invalid("reason", "reason is required: what is missing or wrong."))
            : ChangeAsync(id, ctx, recipientSide: true, "filing.returned", (f, _) => f.Return(request.Reason!, ctx.Now), ct);

    private static Task<Results<Ok<FilingDto>, ProblemHttpResult, ValidationProblem>> Resubmit(Guid id, FilingResubmissionRequest request, RegisterContext ctx, CancellationToken ct) =>
        ChangeAsync(id, ctx, recipientSide: false, "filing.resubmitted", (f, _) => f.Resubmit(ctx.Today, ctx.Now), ct, request.Note);

    private static Task<Results<Ok<FilingDto>, ProblemHttpResult, ValidationProblem>> Opinion(Guid id, FilingOpinionRequest request, RegisterContext ctx, CancellationToken ct)
    {
        if (request.Opinion is not { } opinion)
        {
            return Task.FromResult<Results<Ok<FilingDto>, ProblemHttpResult, ValidationProblem>>(
                RegisterProblems.Invalid("opinion", "opinion is required: no-problem, correction-required or revocation."));
        }

        return ChangeAsync(id, ctx, recipientSide: true, "filing.opinion", (f, document) =>
        {
            f.RecordOpinion(opinion, request.Text, request.CorrectionDueDate, ctx.Options.CorrectionPeriod.ToPeriod(), ctx.Calendar, ctx.Today, ctx.Now);
            if (opinion == FilingOpinion.Revocation && document.Stage == LifecycleStage.Published)
            {
                // 撤销 by the oversight body ends the document from today (监督法 art 39).
                return document.Terminate(TerminationKind.Revoked, ctx.Today, request.Text, null, ctx.Caller.AsActor(), ctx.Now);
            }

            return null;
        }, ct);
    }

    private static Task<Results<Ok<FilingDto>, ProblemHttpResult, ValidationProblem>> Correction(Guid id, FilingCorrectionRequest request, RegisterContext ctx, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(request.Note)
            ? Task.FromResult<Results<Ok<FilingDto>, ProblemHttpResult, ValidationProblem>>(RegisterProblems.Invalid("note", "note is required: what was corrected."))
            : ChangeAsync(id, ctx, recipientSide: false, "filing.corrected", (f, _) => f.RecordCorrection(request.Note!, ctx.Now), ct);

    private static Task<Results<Ok<FilingDto>, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        Guid id, RegisterContext ctx, bool recipientSide, string action, Action<OversightFiling, NormativeDocumentRecord> change, CancellationToken ct, string? note = null) =>
        ChangeAsync(id, ctx, recipientSide, action, (f, d) =>
        {
            change(f, d);
            return null;
        }, ct, note);

    private static async Task<Results<Ok<FilingDto>, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        Guid id, RegisterContext ctx, bool recipientSide, string action, Func<OversightFiling, NormativeDocumentRecord, ProcedureStep?> change,
        CancellationToken ct, string? note = null)
    {
        var filing = await ctx.Db.Filings.WithSpecification(new FilingByIdSpec(id, ctx.Caller)).SingleOrDefaultAsync(ct);
        if (filing is null)
        {
            return RegisterProblems.NotFound("filing");
        }

        var allowed = recipientSide ? RegisterPermissions.IsFilingRecipient(ctx.Caller, filing) : RegisterPermissions.IsFilingSender(ctx.Caller, filing);
        if (!allowed)
        {
            return RegisterProblems.Forbidden(recipientSide
                ? "Only the oversight body the filing is addressed to records receipt, return and opinion."
                : "Only the issuing side (drafting department, issuing authority or its legal office) resubmits and corrects.");
        }

        var document = await ctx.Db.Documents.SingleAsync(d => d.Id == filing.DocumentId, ct);
        var before = DocumentViews.FilingRecord(filing);
        var documentBefore = DocumentViews.Snapshot(document);
        var step = change(filing, document);
        await ctx.AuditDocumentAsync(document, action, before, new { filing = DocumentViews.FilingRecord(filing), note }, $"filing:{filing.Id}", ct);
        if (step is not null)
        {
            await ctx.AuditDocumentAsync(document, "step.termination", documentBefore,
                new { document = DocumentViews.Snapshot(document), step = DocumentViews.StepRecord(step) }, $"filing:{filing.Id}", ct);
        }

        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(FilingDto.From(filing, ctx.Today));
    }
}

/// <summary>Query of <c>GET /api/v1/filings</c>.</summary>
public sealed class FilingListQuery
{
    /// <summary>submitted, returned, received, no-issues, correction-required, corrected or revoked.</summary>
    public string? Status { get; set; }

    /// <summary>true: only overdue; false: only not overdue.</summary>
    public bool? Overdue { get; set; }

    /// <summary>Filings of one document.</summary>
    public Guid? DocumentId { get; set; }

    /// <summary>Filings to one oversight body.</summary>
    public Guid? RecipientId { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>nextCursor of the previous page.</summary>
    public string? Cursor { get; set; }
}
