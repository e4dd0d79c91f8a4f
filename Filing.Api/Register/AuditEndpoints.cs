using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register;

/// <summary>A document's audit trail (过程留痕) and the verification of its hash chain.</summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapRegisterAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/documents/{id:guid}/audit").WithTags("Register: audit").RequireAuthorization();
        group.MapGet("/", List)
            .WithName("GetDocumentAudit")
            .WithSummary("Every upload, step, decision and change of a document, oldest first: who, when, what, old → new")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/verify", Verify)
            .WithName("VerifyDocumentAudit")
            .WithResponseExample(StatusCodes.Status200OK, RegisterExamples.Verified)
            .WithSummary("Recomputes the document's hash chain: valid is false when any entry was edited, inserted or deleted")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<PagedList<AuditEntryDto>>, ProblemHttpResult, ValidationProblem>> List(
        Guid id, int? limit, string? cursor, RegisterContext ctx, CancellationToken ct)
    {
        if (await AllowedAsync(id, ctx, ct) is { } problem)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        var take = Paging.Limit(limit, ctx.Options.MaxPageSize, errors);
        var after = Cursor.ReadNumber(cursor, "a", errors);

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var stream = AuditTrail.DocumentStream(id);
        var entries = ctx.Db.AuditEntries.AsNoTracking().Where(e => e.Stream == stream);
        var total = await entries.CountAsync(ct);
        var page = await entries.Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(take + 1).ToListAsync(ct);
        var items = page.Take(take)
            .Select(e => new AuditEntryDto(e.Sequence, e.At, e.ActorName, e.ActorOrganisationId, e.Action, e.Subject, e.OldValue, e.NewValue, e.Hash, e.PreviousHash))
            .ToList();
        return TypedResults.Ok(new PagedList<AuditEntryDto>(items, total, page.Count > take ? Cursor.Encode("a", page[take - 1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null));
    }

    private static async Task<Results<Ok<AuditVerifyResponse>, ProblemHttpResult>> Verify(Guid id, RegisterContext ctx, CancellationToken ct)
    {
        if (await AllowedAsync(id, ctx, ct) is { } problem)
        {
            return problem;
        }

        var result = await ctx.Audit.VerifyAsync(AuditTrail.DocumentStream(id), ct);
        return TypedResults.Ok(new AuditVerifyResponse(result.Valid, result.Entries, result.FirstInvalidSequence, result.Problem));
    }

    private static async Task<ProblemHttpResult?> AllowedAsync(Guid id, RegisterContext ctx, CancellationToken ct)
    {
        var document = await ctx.FindDocumentAsync(id, ct);
        if (document is null)
        {
            return RegisterProblems.NotFound("document");
        }

        return DocumentViews.IsInsider(ctx.Caller, document, await ctx.FilingsOfAsync(id, ct))
            ? null
            : RegisterProblems.Forbidden("The audit trail is open to the drafting department, the legal office and reviewing bodies, the oversight bodies it was filed with, and administrators.");
    }
}
