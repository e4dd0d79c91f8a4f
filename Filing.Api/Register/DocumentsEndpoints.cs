using System.Globalization;
using Filing.Api.Documents;
using Filing.Api.Infrastructure;
using Filing.Api.Register.Drafts;
using Filing.Core.Documents;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Filing.Api.Register;

/// <summary>Uploading drafts, versions, answers to findings, reading records and lists.</summary>
internal static class DocumentsEndpoints
{
    public static RouteGroupBuilder MapRegisterDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/documents").WithTags("Register: documents");

        group.MapPost("/", Upload)
            .WithName("UploadDraft")
            .WithSummary("Upload a Word draft: starts a record in the register (起草)")
            .WithDescription("Multipart form with `file` (the Word draft). The issuing authority follows from the caller's organisation " +
                "(a department's documents are issued by its government unless `issuingAuthorityId` names the department itself); " +
                "title, document type, 发文字号 and validity come from the document, and the optional fields override them.")
            .RequireAuthorization()
            .DisableAntiforgery()
            .Accepts<UploadDraftForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/versions", AddVersion)
            .WithName("AddDraftVersion")
            .WithSummary("Upload a revised draft as a new version (until the collective decision)")
            .RequireAuthorization()
            .DisableAntiforgery()
            .Accepts<UploadDraftForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}", Get)
            .WithName("GetDocument")
            .WithResponseExample(StatusCodes.Status200OK, RegisterExamples.Published)
            .WithSummary("A record with its versions, findings, steps, unified number, filings and derived status")
            .WithDescription("Anonymous callers see published documents only; drafts answer 404 to anyone but their department, " +
                "the legal office and reviewing bodies of the government (after public comment) and administrators.");

        group.MapGet("/", List)
            .WithName("ListDocuments")
            .WithSummary("The documents the caller may see, newest first, with cursor paging");

        group.MapGet("/{id:guid}/versions/{number:int}", GetVersion)
            .WithName("GetDocumentVersion")
            .WithSummary("One version: what the reader found (the parsed document) and the review report");

        group.MapGet("/{id:guid}/versions/{number:int}/file", GetVersionFile)
            .WithName("DownloadDocumentVersion")
            .WithSummary("The Word file of one version (the current version only, for public viewers)")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        group.MapPost("/{id:guid}/findings/{findingId:guid}/answer", AnswerFinding)
            .WithName("AnswerFinding")
            .WithRequestExample(RegisterExamples.Answer)
            .WithSummary("The drafter answers a review finding of the current version: fixed or explained")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    private static async Task<Results<Created<DocumentDetail>, ProblemHttpResult, ValidationProblem>> Upload(
        HttpRequest request, RegisterContext ctx, DraftIntake intake, IOptions<DocumentReaderOptions> reader, ILoggerFactory loggers, CancellationToken ct)
    {
        var caller = ctx.Caller;
        if (!RegisterPermissions.CanUpload(caller))
        {
            return RegisterProblems.Forbidden("Only a drafting department's key (role drafter) can upload drafts.");
        }

        var upload = await WordUpload.ReadAsync(request, reader.Value, loggers.CreateLogger(typeof(DocumentsEndpoints)), ct);
        if (upload.Problem is { } refused)
        {
            return refused;
        }

        if (ReadFields(upload.Form!, out var details, out var requestedAuthority) is { } invalid)
        {
            return invalid;
        }

        var organisation = await ctx.Db.Organisations.SingleAsync(o => o.Id == caller.OrganisationId, ct);
        var issuer = await IssuingAuthorityFor(ctx, organisation, requestedAuthority, ct);
        if (issuer is null)
        {
            return RegisterProblems.Invalid("issuingAuthorityId",
                $"{organisation.Name} can issue only in its own name (if it has a unified-number prefix) or in its government's name.");
        }

        var file = upload.Form!.Files.GetFile(WordUpload.DefaultField)!;
        var intakeResult = intake.Take(file.FileName, await ReadAllAsync(file, ct), upload.Document!);
        var now = ctx.Now;
        var document = NormativeDocumentRecord.StartDraft(Guid.CreateVersion7(now), issuer, organisation, details, intakeResult.Version, caller.AsActor(), now);
        ctx.Db.Documents.Add(document);
        ctx.Db.VersionContents.Add(new VersionContent(document.Id, 1, intakeResult.ContentType, intakeResult.File, intakeResult.ParsedJson));
        await ctx.AuditDocumentAsync(document, "document.uploaded", null, new
        {
            document = DocumentViews.Snapshot(document),
            issuingAuthority = issuer.Name,
            draftingDepartment = organisation.Name,
            file = new { intakeResult.Version.FileName, intakeResult.Version.FileSha256, intakeResult.Version.FileSize },
            findings = intakeResult.Version.Review.Findings.Count,
        }, null, ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", await ctx.DetailAsync(document, ct));
    }

    private static async Task<Results<Created<DocumentDetail>, ProblemHttpResult, ValidationProblem>> AddVersion(
        Guid id, HttpRequest request, RegisterContext ctx, DraftIntake intake, IOptions<DocumentReaderOptions> reader, ILoggerFactory loggers, CancellationToken ct)
    {
        var document = await ctx.FindDocumentAsync(id, ct);
        if (document is null)
        {
            return RegisterProblems.NotFound("document");
        }

        if (!RegisterPermissions.CanAct(ctx.Caller, document, DocumentAction.AddVersion))
        {
            return RegisterProblems.Forbidden("Only the drafting department adds versions.");
        }

        var upload = await WordUpload.ReadAsync(request, reader.Value, loggers.CreateLogger(typeof(DocumentsEndpoints)), ct);
        if (upload.Problem is { } refused)
        {
            return refused;
        }

        if (ReadFields(upload.Form!, out var details, out var requestedAuthority) is { } invalid)
        {
            return invalid;
        }

        if (requestedAuthority is not null)
        {
            return RegisterProblems.Invalid("issuingAuthorityId", "The issuing authority is set by the first upload.");
        }

        var file = upload.Form!.Files.GetFile(WordUpload.DefaultField)!;
        var intakeResult = intake.Take(file.FileName, await ReadAllAsync(file, ct), upload.Document!);
        var before = DocumentViews.Snapshot(document);
        var version = document.AddVersion(intakeResult.Version, details, ctx.Caller.AsActor(), ctx.Now);
        ctx.Db.VersionContents.Add(new VersionContent(document.Id, version.Number, intakeResult.ContentType, intakeResult.File, intakeResult.ParsedJson));
        await ctx.AuditDocumentAsync(document, "document.version-added", before, new
        {
            document = DocumentViews.Snapshot(document),
            version = version.Number,
            file = new { version.FileName, version.FileSha256, version.FileSize },
            findings = version.Findings.Count,
        }, $"version:{version.Number}", ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/documents/{document.Id}/versions/{version.Number}", await ctx.DetailAsync(document, ct));
    }

    private static async Task<Results<Ok<DocumentDetail>, ProblemHttpResult>> Get(Guid id, RegisterContext ctx, CancellationToken ct)
    {
        var document = await ctx.FindDocumentAsync(id, ct);
        return document is null ? RegisterProblems.NotFound("document") : TypedResults.Ok(await ctx.DetailAsync(document, ct));
    }

    private static async Task<Results<Ok<PagedList<DocumentSummary>>, ValidationProblem>> List(
        [AsParameters] DocumentListQuery query, RegisterContext ctx, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var limit = Paging.Limit(query.Limit, ctx.Options.MaxPageSize, errors);
        var after = Cursor.ReadId(query.Cursor, "d", errors);

        var status = KebabEnum.Filter<DocumentStatus>(query.Status, "status", errors);
        var from = Paging.Date(query.PublishedFrom, "publishedFrom", errors);
        var to = Paging.Date(query.PublishedTo, "publishedTo", errors);
        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var today = ctx.Today;
        var filter = new DocumentListFilter(status, query.IssuingAuthorityId, query.DraftingDepartmentId,
            string.IsNullOrWhiteSpace(query.Type) ? null : query.Type.Trim(),
            string.IsNullOrWhiteSpace(query.Title) ? null : query.Title.Trim(), from, to);
        var total = await ctx.Db.Documents.WithSpecification(new DocumentListSpec(ctx.Caller, filter, today, null, limit), criteriaOnly: true).CountAsync(ct);
        var page = await ctx.Db.Documents.AsNoTracking().WithSpecification(new DocumentListSpec(ctx.Caller, filter, today, after, limit + 1))
            .Select(DocumentListRow.Projection).ToListAsync(ct);
        var next = page.Count > limit ? Cursor.Encode("d", page[limit - 1].Id.ToString("D")) : null;
        return TypedResults.Ok(new PagedList<DocumentSummary>([.. page.Take(limit).Select(r => r.ToSummary(today))], total, next));
    }

    private static async Task<Results<Ok<VersionDetail>, ProblemHttpResult>> GetVersion(Guid id, int number, RegisterContext ctx, CancellationToken ct)
    {
        var document = await ctx.FindDocumentAsync(id, ct);
        if (document is null)
        {
            return RegisterProblems.NotFound("document");
        }

        var filings = await ctx.FilingsOfAsync(id, ct);
        var insider = DocumentViews.IsInsider(ctx.Caller, document, filings);
        var version = document.Versions.SingleOrDefault(v => v.Number == number);
        if (version is null || (!insider && number != document.CurrentVersion.Number))
        {
            return RegisterProblems.NotFound("version");
        }

        var parsed = await ctx.Db.VersionContents.AsNoTracking()
            .Where(c => c.DocumentId == id && c.VersionNumber == number).Select(c => c.ParsedJson).SingleAsync(ct);
        var detail = DocumentViews.Detail(document, filings, insider, ctx.Today, ctx.Calendar, ctx.Options.LegalityReviewWorkingDays).Versions.Single(v => v.Number == number);
        return TypedResults.Ok(new VersionDetail(detail, System.Text.Json.JsonDocument.Parse(parsed).RootElement));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetVersionFile(Guid id, int number, RegisterContext ctx, CancellationToken ct)
    {
        var document = await ctx.FindDocumentAsync(id, ct);
        if (document is null)
        {
            return RegisterProblems.NotFound("document");
        }

        var insider = DocumentViews.IsInsider(ctx.Caller, document, await ctx.FilingsOfAsync(id, ct));
        var version = document.Versions.SingleOrDefault(v => v.Number == number);
        if (version is null || (!insider && number != document.CurrentVersion.Number))
        {
            return RegisterProblems.NotFound("version");
        }

        var content = await ctx.Db.VersionContents.AsNoTracking().SingleAsync(c => c.DocumentId == id && c.VersionNumber == number, ct);
        return TypedResults.File(content.File, content.ContentType, version.FileName);
    }

    private static async Task<Results<Ok<VersionFindingDto>, ProblemHttpResult, ValidationProblem>> AnswerFinding(
        Guid id, Guid findingId, AnswerFindingRequest request, RegisterContext ctx, CancellationToken ct)
    {
        if (request.Answer is not { } answer)
        {
            return RegisterProblems.Invalid("answer", "answer is required: fixed or explained.");
        }

        var document = await ctx.FindDocumentAsync(id, ct);
        if (document is null)
        {
            return RegisterProblems.NotFound("document");
        }

        if (!RegisterPermissions.CanAct(ctx.Caller, document, DocumentAction.AnswerFinding))
        {
            return RegisterProblems.Forbidden("Only the drafting department answers findings.");
        }

        VersionFinding finding;
        try
        {
            finding = document.AnswerFinding(findingId, answer == FindingAnswerDto.Fixed ? FindingAnswerKind.Fixed : FindingAnswerKind.Explained,
                request.Note, ctx.Caller.AsActor(), ctx.Now);
        }
        catch (KeyNotFoundException)
        {
            return RegisterProblems.NotFound("finding");
        }

        await ctx.AuditDocumentAsync(document, "finding.answered", null,
            new { finding = finding.RuleId, severity = finding.Severity, answer = finding.Answer, note = finding.AnswerNote }, $"finding:{finding.Id}", ct);
        await ctx.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(DocumentViews.Finding(finding));
    }

    private static ValidationProblem? ReadFields(IFormCollection form, out DraftDetails details, out Guid? issuingAuthorityId)
    {
        details = DraftDetails.None;
        issuingAuthorityId = null;
        var errors = new Dictionary<string, string[]>();
        string? Text(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        var effective = Paging.Date(Text("effectiveDate"), "effectiveDate", errors);
        var validUntil = Paging.Date(Text("validUntil"), "validUntil", errors);
        bool? businessRelated = null;
        if (Text("businessRelated") is { } flag)
        {
            if (bool.TryParse(flag, out var parsed))
            {
                businessRelated = parsed;
            }
            else
            {
                errors["businessRelated"] = ["businessRelated is true or false."];
            }
        }

        if (Text("issuingAuthorityId") is { } authority)
        {
            if (Guid.TryParse(authority, out var parsed))
            {
                issuingAuthorityId = parsed;
            }
            else
            {
                errors["issuingAuthorityId"] = ["issuingAuthorityId is an organisation id."];
            }
        }

        foreach (var (name, max) in new[] { ("title", 500), ("documentType", 50), ("documentNumber", 100) })
        {
            if (Text(name)?.Length > max)
            {
                errors[name] = [$"{name} is at most {max} characters."];
            }
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        details = new DraftDetails(Text("title"), Text("documentType"), Text("documentNumber"), businessRelated, effective, validUntil);
        return null;
    }

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static async Task<Organisation?> IssuingAuthorityFor(RegisterContext ctx, Organisation organisation, Guid? requested, CancellationToken ct)
    {
        Organisation? parent = organisation.ParentId is { } p ? await ctx.Db.Organisations.FindAsync([p], ct) : null;
        if (requested is { } id)
        {
            return id == organisation.Id && organisation.IsIssuingAuthority ? organisation
                : id == parent?.Id && parent.IsIssuingAuthority ? parent
                : null;
        }

        if (organisation.Kind == OrganisationKind.Government && organisation.IsIssuingAuthority)
        {
            return organisation;
        }

        return parent is { IsIssuingAuthority: true } ? parent : organisation.IsIssuingAuthority ? organisation : null;
    }
}

/// <summary>The multipart upload: the Word file plus optional overrides.</summary>
public sealed class UploadDraftForm
{
    /// <summary>The Word draft (.docx, .docm, .dotx).</summary>
    public IFormFile? File { get; set; }

    /// <summary>标题, when the document's own title should not be used or cannot be read.</summary>
    public string? Title { get; set; }

    /// <summary>文种 override (办法, 意见, 通知…).</summary>
    public string? DocumentType { get; set; }

    /// <summary>发文字号 override.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>Closely related to market entities' business (30-day comment period).</summary>
    public bool? BusinessRelated { get; set; }

    /// <summary>施行日期 override (yyyy-MM-dd).</summary>
    public string? EffectiveDate { get; set; }

    /// <summary>有效期 end override (yyyy-MM-dd).</summary>
    public string? ValidUntil { get; set; }

    /// <summary>Issue in the department's own name (it needs a prefix) or its government's; first upload only.</summary>
    public Guid? IssuingAuthorityId { get; set; }
}

/// <summary>Query of <c>GET /api/v1/documents</c>.</summary>
public sealed class DocumentListQuery
{
    /// <summary>Derived status: draft, in-review, approved, decided, registered, not-yet-in-force, in-force, expired, amended, repealed, declared-invalid, revoked.</summary>
    public string? Status { get; set; }

    /// <summary>制定机关 id.</summary>
    public Guid? IssuingAuthorityId { get; set; }

    /// <summary>起草单位 id.</summary>
    public Guid? DraftingDepartmentId { get; set; }

    /// <summary>文种, exact.</summary>
    public string? Type { get; set; }

    /// <summary>Part of the title.</summary>
    public string? Title { get; set; }

    /// <summary>Published on or after (yyyy-MM-dd).</summary>
    public string? PublishedFrom { get; set; }

    /// <summary>Published on or before (yyyy-MM-dd).</summary>
    public string? PublishedTo { get; set; }

    /// <summary>Page size, 1–200 (default 50).</summary>
    public int? Limit { get; set; }

    /// <summary>nextCursor of the previous page.</summary>
    public string? Cursor { get; set; }
}

/// <summary>A version with the reader's full result.</summary>
/// <param name="Version">The version and its review report.</param>
/// <param name="Parsed">The parsed document (the reader's model, camelCase).</param>
public sealed record VersionDetail(VersionDto Version, System.Text.Json.JsonElement Parsed);

/// <summary>The columns a list row needs, projected in SQL so lists never load versions or steps.</summary>
internal sealed record DocumentListRow(
    Guid Id, string Title, string? DocumentType, string? DocumentNumber, string? UnifiedNumber, LifecycleStage Stage,
    DateOnly? EffectiveDate, DateOnly? ValidUntil, TerminationKind? Termination, DateOnly? TerminatedOn,
    Guid IssuingAuthorityId, Guid DraftingDepartmentId, DateOnly? PublishedOn, DateTimeOffset UpdatedAt)
{
    public static readonly System.Linq.Expressions.Expression<Func<NormativeDocumentRecord, DocumentListRow>> Projection = d => new DocumentListRow(
        d.Id, d.Title, d.DocumentType, d.DocumentNumber, d.UnifiedNumber, d.Stage, d.EffectiveDate, d.ValidUntil, d.Termination, d.TerminatedOn,
        d.IssuingAuthorityId, d.DraftingDepartmentId, d.PublishedOn, d.UpdatedAt);

    public DocumentSummary ToSummary(DateOnly today) => new(
        Id, Title, DocumentType, DocumentNumber, UnifiedNumber,
        DocumentStatusRules.Derive(Stage, Termination, TerminatedOn, ValidUntil, EffectiveDate, today), IssuingAuthorityId, DraftingDepartmentId, PublishedOn, UpdatedAt);
}

/// <summary>Shared parsing of paging and date parameters.</summary>
internal static class Paging
{
    public const int DefaultLimit = 50;

    public static int Limit(int? requested, int max, Dictionary<string, string[]> errors)
    {
        var limit = requested ?? DefaultLimit;
        if (limit < 1 || limit > max)
        {
            errors["limit"] = [$"limit must be between 1 and {max}."];
            return DefaultLimit;
        }

        return limit;
    }

    public static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"'{text}' is not a date in yyyy-MM-dd form."];
        return null;
    }
}
