using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Audit;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register;

/// <summary>
/// Cleanup campaigns (清理): open one for an issuing authority (every document in force is listed), decide per document
/// (继续有效 / 拟修改 / 废止 / 宣布失效), publish the four lists; repeals and declarations of invalidity take effect then.
/// </summary>
internal static class CleanupsEndpoints
{
    public static RouteGroupBuilder MapRegisterCleanups(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cleanups").WithTags("Register: cleanups");

        group.MapPost("/", Open)
            .WithName("OpenCleanup")
            .WithRequestExample(RegisterExamples.Cleanup)
            .WithSummary("The legal office opens a cleanup of an issuing authority's documents in force")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List)
            .WithName("ListCleanups")
            .WithSummary("Cleanups the caller may see (published ones are public), newest first");
        group.MapGet("/{id:guid}", Get)
            .WithName("GetCleanup")
            .WithResponseExample(StatusCodes.Status200OK, RegisterExamples.CleanupResult)
            .WithSummary("A cleanup with every listed document, its decision and the four lists");
        group.MapPost("/{id:guid}/decisions", Decide)
            .WithName("DecideCleanup")
            .WithRequestExample(RegisterExamples.CleanupDecisions)
            .WithSummary("Record decisions: continue (继续有效), amend (拟修改), repeal (废止) or declare-invalid (宣布失效)")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/publication", Publish)
            .WithName("PublishCleanup")
            .WithRequestExample(RegisterExamples.CleanupPublication)
            .WithResponseExample(StatusCodes.Status200OK, RegisterExamples.CleanupResult)
            .WithSummary("Publish the four lists; repeal and declare-invalid decisions end those documents on that date")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Created<CleanupDto>, ProblemHttpResult, ValidationProblem>> Open(
        CreateCleanupRequest request, RegisterContext ctx, CancellationToken ct)
    {
        var caller = ctx.Caller;
        var authorityId = request.IssuingAuthorityId ?? caller.JurisdictionId;
        var authority = authorityId is { } a ? await ctx.Db.Organisations.FindAsync([a], ct) : null;
        if (authority is null || !authority.IsIssuingAuthority)
        {
            return RegisterProblems.Invalid("issuingAuthorityId", "Name an issuing authority (an organisation with a unified-number prefix).");
        }

        if (!RegisterPermissions.CanRunCleanup(caller, authority.JurisdictionId))
        {
            return RegisterProblems.Forbidden("Only the legal office of the issuing authority's government runs its cleanups.");
        }

        if (await ctx.Db.Cleanups.AnyAsync(c => c.IssuingAuthorityId == authority.Id && c.Status == CleanupStatus.Open, ct))
        {
            return RegisterProblems.Problem(StatusCodes.Status409Conflict, "cleanup-already-open", "A cleanup is already open",
                $"{authority.Name} already has an open cleanup; publish it before opening another.");
        }

        var today = ctx.Today;
        var documents = await ctx.Db.Documents.WithSpecification(new DocumentsInForceSpec(authority.Id, today)).ToListAsync(ct);
        var campaign = CleanupCampaign.Open(Guid.CreateVersion7(ctx.Now), authority, request.Title, documents, today, caller.AsActor(), ctx.Now);
        ctx.Db.Cleanups.Add(campaign);
        await ctx.Audit.AppendAsync(AuditTrail.CleanupStream(campaign.Id), caller, "cleanup.opened", null,
            new { campaign.Title, authority = authority.Name, openedOn = today, documents = campaign.Items.Select(i => i.DocumentId) }, null, ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/cleanups/{campaign.Id}", await ViewAsync(campaign, ctx, ct));
    }

    private static async Task<Results<Ok<PagedList<CleanupDto>>, ValidationProblem>> List(int? limit, string? cursor, RegisterContext ctx, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var take = Paging.Limit(limit, ctx.Options.MaxPageSize, errors);
        var after = Cursor.ReadId(cursor, "c", errors);

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var visible = ctx.Db.Cleanups.AsNoTracking().Where(CleanupVisibility.For(ctx.Caller));
        var total = await visible.CountAsync(ct);
        var pageQuery = after is { } afterId ? visible.Where(c => c.Id.CompareTo(afterId) < 0) : visible;
        var page = await pageQuery.OrderByDescending(c => c.Id).Take(take + 1).ToListAsync(ct);
        var items = new List<CleanupDto>();
        foreach (var campaign in page.Take(take))
        {
            items.Add(await ViewAsync(campaign, ctx, ct));
        }

        return TypedResults.Ok(new PagedList<CleanupDto>(items, total, page.Count > take ? Cursor.Encode("c", page[take - 1].Id.ToString("D")) : null));
    }

    private static async Task<Results<Ok<CleanupDto>, ProblemHttpResult>> Get(Guid id, RegisterContext ctx, CancellationToken ct)
    {
        var campaign = await ctx.Db.Cleanups.AsNoTracking().WithSpecification(new CleanupByIdSpec(id, ctx.Caller)).SingleOrDefaultAsync(ct);
        return campaign is null ? RegisterProblems.NotFound("cleanup") : TypedResults.Ok(await ViewAsync(campaign, ctx, ct));
    }

    private static async Task<Results<Ok<CleanupDto>, ProblemHttpResult, ValidationProblem>> Decide(
        Guid id, CleanupDecisionsRequest request, RegisterContext ctx, CancellationToken ct)
    {
        if (request.Decisions is not { Count: > 0 } decisions)
        {
            return RegisterProblems.Invalid("decisions", "Send at least one decision: { documentId, decision, reason }.");
        }

        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < decisions.Count; i++)
        {
            if (decisions[i].DocumentId is null)
            {
                errors[$"decisions[{i}].documentId"] = ["documentId is required."];
            }

            if (decisions[i].Decision is null)
            {
                errors[$"decisions[{i}].decision"] = ["decision is required: continue, amend, repeal or declare-invalid."];
            }
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var (campaign, problem) = await LoadForChangeAsync(id, ctx, ct);
        if (problem is not null)
        {
            return problem;
        }

        foreach (var decision in decisions)
        {
            var item = campaign!.Items.FirstOrDefault(i => i.DocumentId == decision.DocumentId);
            if (item is null)
            {
                return RegisterProblems.Invalid("decisions", $"Document {decision.DocumentId} is not listed in this cleanup.");
            }

            var before = new { decision = item.Decision, reason = item.Reason };
            campaign.Decide(decision.DocumentId!.Value, decision.Decision!.Value, decision.Reason, ctx.Caller.AsActor(), ctx.Now);
            await ctx.Audit.AppendAsync(AuditTrail.CleanupStream(campaign.Id), ctx.Caller, "cleanup.decided", before,
                new { decision = item.Decision, reason = item.Reason }, $"document:{item.DocumentId}", ct);
        }

        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewAsync(campaign!, ctx, ct));
    }

    private static async Task<Results<Ok<CleanupDto>, ProblemHttpResult, ValidationProblem>> Publish(
        Guid id, CleanupPublicationRequest request, RegisterContext ctx, CancellationToken ct)
    {
        if (request.Date is not { } date)
        {
            return RegisterProblems.Invalid("date", "date is required (yyyy-MM-dd).");
        }

        var (campaign, problem) = await LoadForChangeAsync(id, ctx, ct);
        if (problem is not null)
        {
            return problem;
        }

        campaign!.Publish(date, ctx.Today);
        await ctx.Audit.AppendAsync(AuditTrail.CleanupStream(campaign.Id), ctx.Caller, "cleanup.published", null, new
        {
            publishedOn = date,
            @continue = campaign.ListOf(CleanupDecision.Continue).Select(i => i.DocumentId),
            amend = campaign.ListOf(CleanupDecision.Amend).Select(i => i.DocumentId),
            repeal = campaign.ListOf(CleanupDecision.Repeal).Select(i => i.DocumentId),
            declareInvalid = campaign.ListOf(CleanupDecision.DeclareInvalid).Select(i => i.DocumentId),
        }, null, ct);

        var affected = campaign.Items.Where(i => i.Decision != CleanupDecision.Continue).Select(i => i.DocumentId).ToList();
        var documents = await ctx.Db.Documents.Where(d => affected.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        foreach (var item in campaign.Items.Where(i => i.Decision != CleanupDecision.Continue))
        {
            var document = documents[item.DocumentId];
            if (document.Stage != LifecycleStage.Published)
            {
                continue; // already ended by another decision since the campaign opened; the list still records this one
            }

            var before = DocumentViews.Snapshot(document);
            var why = $"{campaign.Title}：{item.Reason}";
            var step = item.Decision switch
            {
                CleanupDecision.Repeal => document.Terminate(TerminationKind.Repealed, date, why, null, ctx.Caller.AsActor(), ctx.Now),
                CleanupDecision.DeclareInvalid => document.Terminate(TerminationKind.DeclaredInvalid, date, why, null, ctx.Caller.AsActor(), ctx.Now),
                _ => document.PlanAmendment(why, ctx.Caller.AsActor(), ctx.Now),
            };
            await ctx.AuditDocumentAsync(document, "cleanup." + (item.Decision == CleanupDecision.Amend ? "amendment-planned" : "termination"), before,
                new { document = DocumentViews.Snapshot(document), step = DocumentViews.StepRecord(step), cleanup = campaign.Id }, $"cleanup:{campaign.Id}", ct);
        }

        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewAsync(campaign, ctx, ct));
    }

    private static async Task<(CleanupCampaign? Campaign, ProblemHttpResult? Problem)> LoadForChangeAsync(Guid id, RegisterContext ctx, CancellationToken ct)
    {
        var campaign = await ctx.Db.Cleanups.WithSpecification(new CleanupByIdSpec(id, ctx.Caller)).SingleOrDefaultAsync(ct);
        if (campaign is null)
        {
            return (null, RegisterProblems.NotFound("cleanup"));
        }

        return RegisterPermissions.CanRunCleanup(ctx.Caller, campaign.JurisdictionId)
            ? (campaign, null)
            : (null, RegisterProblems.Forbidden("Only the legal office of the government runs its cleanups."));
    }

    private static async Task<CleanupDto> ViewAsync(CleanupCampaign c, RegisterContext ctx, CancellationToken ct)
    {
        var lastPublished = c.Status == CleanupStatus.Published
            ? c.PublishedOn
            : await ctx.Db.Cleanups.AsNoTracking().WithSpecification(new LatestPublishedCleanupSpec(c.IssuingAuthorityId)).Select(x => x.PublishedOn).FirstOrDefaultAsync(ct);
        IReadOnlyList<Guid> Ids(CleanupDecision d) => [.. c.ListOf(d).Select(i => i.DocumentId)];
        return new CleanupDto(
            c.Id,
            c.Title,
            new OrganisationRef(c.IssuingAuthorityId, c.IssuingAuthorityName),
            c.Status,
            c.OpenedOn,
            c.PublishedOn,
            lastPublished is { } published ? ctx.Options.CleanupPolicy.NextDue(published) : null,
            c.Undecided,
            [.. c.Items.OrderBy(i => i.UnifiedNumber).Select(i => new CleanupItemDto(i.DocumentId, i.Title, i.UnifiedNumber, i.DocumentNumber, i.Decision, i.Reason, i.DecidedAt))],
            new CleanupListsDto(Ids(CleanupDecision.Continue), Ids(CleanupDecision.Amend), Ids(CleanupDecision.Repeal), Ids(CleanupDecision.DeclareInvalid)));
    }
}
