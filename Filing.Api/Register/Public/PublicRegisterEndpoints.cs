using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Filing.Api.Infrastructure;
using Filing.Api.Infrastructure.Data.Search;
using Filing.Api.Participation;
using Filing.Core.Documents;
using Filing.Core.Documents.Comparison;
using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Filing.Core.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Filing.Api.Register.Public;

/// <summary>
/// The public register (统一发布): search, facets, one document, its Word file, its timeline, differences between
/// versions, and a full export. Anonymous callers are welcome; every answer covers published documents only,
/// whoever asks, so a draft never appears here (drafts answer 404).
/// </summary>
internal static class PublicRegisterEndpoints
{
    private const string Base = "/api/v1/register";

    public static RouteGroupBuilder MapPublicRegister(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Base).WithTags("Public register");

        group.MapGet("/", List)
            .WithName("SearchRegister")
            .WithSummary("Published documents: Chinese full-text search, filters, point in time, cursor paging")
            .WithDescription("Filters combine with AND; repeated values of one filter with OR. `q` searches title and body " +
                "(jieba words; \"phrases\"; OR; -exclusions; titleOnly=true for titles). `sort`: relevance (default with q), " +
                "-publishedOn (default without q), publishedOn, -effectiveDate, effectiveDate. Pages are keyset-based: pass " +
                "`nextCursor` back as `cursor` with the same filters; documents published meanwhile never shift a page. " +
                "`total` always counts every match; `limit` above the maximum is a 400 that states it.")
            .ProducesValidationProblem();

        group.MapGet("/facets", Facets)
            .WithName("RegisterFacets")
            .WithSummary("Counts by issuing authority, document type, status and year, for the same filters as the list")
            .ProducesValidationProblem();

        group.MapGet("/export", Export)
            .WithName("ExportRegister")
            .WithSummary("The whole public register (or the filtered part) as CSV or JSON Lines, streamed")
            .WithDescription("`format=csv` (default): UTF-8 with a byte-order mark so that Excel shows Chinese correctly, a header " +
                "row, RFC 4180 quoting, CRLF line ends; text cells that start with = + - @ get a leading apostrophe so that a " +
                "spreadsheet never runs them as formulas. `format=jsonl`: one JSON object per line (UTF-8, no BOM). Rows are in " +
                "publication order and streamed from the database: memory use does not grow with the register.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/x-ndjson")
            .ProducesValidationProblem();

        group.MapGet("/{key}", Get)
            .WithName("GetRegisterDocument")
            .WithSummary("One published document by id or 统一编号: status with reason and date, published text as structure, file")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{key}/file", DownloadFile)
            .WithName("DownloadRegisterDocument")
            .WithSummary("The published Word file (Content-Disposition with the UTF-8 file name)")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{key}/timeline", Timeline)
            .WithName("GetRegisterTimeline")
            .WithSummary("Dated public events: drafting, comment, reviews, decision, registration, publication, filings, cleanup, expiry, repeal")
            .WithDescription("Opinions, return reasons and the people who recorded steps are not public and never appear; " +
                "events name organisations. `derived` events (in force, expired) follow from dates.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{key}/diff", Diff)
            .WithName("DiffRegisterVersions")
            .WithSummary("Article-level differences between two versions (added, removed, changed with the changed text, renumbered)")
            .WithDescription("`from` and `to` name a version: another published document (id or 统一编号), or a version number of " +
                "this document (numbers other than the published one are for the drafting department, the legal office and " +
                "reviewing bodies of the government, the oversight bodies it was filed with and administrators). `to` defaults " +
                "to this document; `from` to the document it amended.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<Results<Ok<PagedList<RegisterItemDto>>, ValidationProblem>> List(
        [AsParameters] RegisterFilterQuery filters, [AsParameters] RegisterPageQuery paging,
        RegisterContext ctx, PublicRegisterQuery register, SearchQueryParser parser, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var question = Question(filters, parser, ctx.Today, errors);
        var take = Paging.Limit(paging.Limit, ctx.Options.MaxPageSize, errors);
        var order = Sort(paging.Sort, question.Search is not null, errors);
        var cursor = paging.Cursor;
        var fingerprint = Fingerprint(filters, order);
        RegisterCursor? after = null;
        if (cursor is not null && errors.Count == 0)
        {
            after = ReadCursor(cursor, fingerprint);
            if (after is null)
            {
                errors["cursor"] = ["Not a cursor of this query: pass nextCursor back unchanged, with the same filters and sort."];
            }
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var (total, rows) = await register.ListAsync(question, order, after, take + 1, ct);
        string? next = null;
        if (rows.Count > take)
        {
            var last = rows[take - 1];
            next = Cursor.Encode("r", fingerprint, last.Score.ToString(CultureInfo.InvariantCulture),
                Cursor.Date(PublicRegisterSpec.SortDate(order == RegisterSort.Relevance ? RegisterSort.PublishedDescending : order, last.PublishedOn, last.EffectiveDate)),
                last.Id.ToString("D"));
        }

        var page = rows.Take(take).ToList();
        var texts = question.Search is null ? [] : await register.TextsAsync([.. page.Select(r => r.Id)], ct);
        var today = ctx.Today;
        return TypedResults.Ok(new PagedList<RegisterItemDto>([.. page.Select(r => Item(r, today, question.Search, texts))], total, next));
    }

    private static async Task<Results<Ok<RegisterFacetsDto>, ValidationProblem>> Facets(
        [AsParameters] RegisterFilterQuery filters, RegisterContext ctx, PublicRegisterQuery register, SearchQueryParser parser, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var question = Question(filters, parser, ctx.Today, errors);
        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var facets = await register.FacetsAsync(question, ct);
        static List<FacetValueDto> Map(IEnumerable<FacetCount> counts) => [.. counts.Select(c => new FacetValueDto(c.Value, c.Label, c.Count))];
        return TypedResults.Ok(new RegisterFacetsDto(facets.Total, Map(facets.IssuingAuthorities), Map(facets.DocumentTypes), Map(facets.Statuses), Map(facets.Years)));
    }

    private static Results<PushStreamHttpResult, ValidationProblem> Export(
        [AsParameters] RegisterFilterQuery filters, [AsParameters] RegisterExportQuery export, RegisterContext ctx, PublicRegisterQuery register,
        SearchQueryParser parser, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var question = Question(filters, parser, ctx.Today, errors);
        var kind = (export.Format ?? "csv").Trim().ToLowerInvariant();
        if (kind is not ("csv" or "jsonl"))
        {
            errors["format"] = ["format is csv or jsonl."];
        }

        if (errors.Count > 0)
        {
            return RegisterProblems.Invalid(errors);
        }

        var today = ctx.Today;
        var name = $"register-{Cursor.Date(today)}.{kind}";
        return kind == "csv"
            ? TypedResults.Stream(stream => RegisterExport.WriteCsvAsync(stream, register.StreamAsync(question), today, ct), "text/csv; charset=utf-8", name)
            : TypedResults.Stream(stream => RegisterExport.WriteJsonLinesAsync(stream, register.StreamAsync(question), today, ct), "application/x-ndjson; charset=utf-8", name);
    }

    private static async Task<Results<Ok<RegisterDocumentDto>, ProblemHttpResult>> Get(string key, RegisterContext ctx, CancellationToken ct)
    {
        var document = await FindAsync(key, ctx, ct);
        if (document is null)
        {
            return RegisterProblems.NotFound("published document");
        }

        var version = document.CurrentVersion;
        var content = await ctx.Db.VersionContents.AsNoTracking()
            .Where(c => c.DocumentId == document.Id && c.VersionNumber == version.Number)
            .Select(c => new { c.ContentType, c.ParsedJson })
            .SingleOrDefaultAsync(ct);
        var replacement = document.ReplacedById is { } replacedBy ? (await RefsAsync(ctx, d => d.Id == replacedBy, ct)).SingleOrDefault() : null;
        var replaces = await RefsAsync(ctx, d => d.ReplacedById == document.Id, ct);
        var self = $"{Base}/{document.Id}";
        var text = content is null ? null : Text(content.ParsedJson);
        var file = new RegisterFileDto(FileName(document, version), content?.ContentType ?? "application/octet-stream", version.FileSize, version.FileSha256, self + "/file");
        return TypedResults.Ok(new RegisterDocumentDto(
            document.Id,
            document.Title,
            document.DocumentNumber,
            document.UnifiedNumber,
            document.DocumentType,
            new OrganisationRef(document.IssuingAuthorityId, document.IssuingAuthorityName),
            new OrganisationRef(document.DraftingDepartmentId, document.DraftingDepartmentName),
            StatusDto.From(StatusExplanation.Explain(document, ctx.Today)),
            document.PublishedOn,
            document.PublicationChannel,
            document.EffectiveDate,
            document.ValidUntil,
            document.PolicyInterpretation,
            document.Termination is { } kind && document.TerminatedOn is { } ended
                ? new RegisterTerminationDto(kind, ended, document.TerminationReason, replacement)
                : null,
            replaces,
            text,
            file,
            new RegisterLinksDto(self, self + "/timeline", self + "/file", replaces.Count > 0 ? self + "/diff" : null)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadFile(string key, RegisterContext ctx, CancellationToken ct)
    {
        var document = await FindAsync(key, ctx, ct);
        if (document is null)
        {
            return RegisterProblems.NotFound("published document");
        }

        var version = document.CurrentVersion;
        var content = await ctx.Db.VersionContents.AsNoTracking()
            .SingleOrDefaultAsync(c => c.DocumentId == document.Id && c.VersionNumber == version.Number, ct);
        return content is null
            ? RegisterProblems.NotFound("file")
            : TypedResults.File(content.File, content.ContentType, FileName(document, version));
    }

    private static async Task<Results<Ok<PagedList<TimelineEventDto>>, ProblemHttpResult>> Timeline(string key, RegisterContext ctx, CancellationToken ct)
    {
        var document = await FindAsync(key, ctx, ct);
        if (document is null)
        {
            return RegisterProblems.NotFound("published document");
        }

        var actorIds = document.Steps.Select(s => s.ActorOrganisationId).Distinct().ToList();
        var names = await ctx.Db.Organisations.AsNoTracking().Where(o => actorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var filings = await ctx.Db.Filings.AsNoTracking().Where(f => f.DocumentId == document.Id).ToListAsync(ct);
        var replaced = await RefsAsync(ctx, d => d.ReplacedById == document.Id, ct);
        var replacement = document.ReplacedById is { } by ? (await RefsAsync(ctx, d => d.Id == by, ct)).SingleOrDefault() : null;
        var campaigns = await ctx.Db.Cleanups.AsNoTracking()
            .Where(c => c.Status == CleanupStatus.Published && c.Items.Any(i => i.DocumentId == document.Id))
            .ToListAsync(ct);
        var cleanups = campaigns.Select(c => (c, c.Items.Single(i => i.DocumentId == document.Id))).ToList();
        var participation = await DocumentParticipationEndpoints.EventsAsync(ctx.Db, document, ct);
        var events = RegisterTimeline.Build(document, names, filings, replaced, replacement, cleanups, ctx.Calendar, ctx.Today, participation);
        return TypedResults.Ok(new PagedList<TimelineEventDto>(events, events.Count, null));
    }

    private static async Task<Results<Ok<RegisterDiffDto>, ProblemHttpResult, ValidationProblem>> Diff(
        string key, [AsParameters] RegisterDiffQuery versions, RegisterContext ctx, CancellationToken ct)
    {
        var (from, to) = (versions.From, versions.To);
        var document = await FindAsync(key, ctx, ct);
        if (document is null)
        {
            return RegisterProblems.NotFound("published document");
        }

        var insider = DocumentViews.IsInsider(ctx.Caller, document, await ctx.FilingsOfAsync(document.Id, ct));
        var newer = await SideAsync(to, document, insider, ctx, ct);
        Side? older;
        if (from is null)
        {
            var amended = await ctx.Db.Documents.AsNoTracking()
                .WithSpecification(new PublicRegisterSpec(new PublicRegisterFilter(), ctx.Today), criteriaOnly: true)
                .Where(d => d.ReplacedById == document.Id)
                .OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id)
                .FirstOrDefaultAsync(ct);
            if (amended is null)
            {
                return RegisterProblems.Invalid("from",
                    "This document amended no other document: name the version to compare with (another document's id or 统一编号, or a version number).");
            }

            older = await SideAsync(amended.Id.ToString("D"), document, insider, ctx, ct);
        }
        else
        {
            older = await SideAsync(from, document, insider, ctx, ct);
        }

        if (newer is null || older is null)
        {
            return RegisterProblems.NotFound("version");
        }

        var comparison = DocumentComparer.Compare(older.Reading, newer.Reading);
        return TypedResults.Ok(new RegisterDiffDto(
            older.Dto,
            newer.Dto,
            comparison.Basis,
            new DiffSummaryDto(comparison.Count(ProvisionChangeKind.Added), comparison.Count(ProvisionChangeKind.Removed),
                comparison.Count(ProvisionChangeKind.Changed), comparison.Count(ProvisionChangeKind.Renumbered), comparison.Unchanged),
            comparison.Changes));
    }

    /// <summary>A version to compare: a version number of <paramref name="document"/>, or another published document.</summary>
    private static async Task<Side?> SideAsync(string? reference, NormativeDocumentRecord document, bool insider, RegisterContext ctx, CancellationToken ct)
    {
        NormativeDocumentRecord target;
        int number;
        if (reference is null)
        {
            (target, number) = (document, document.CurrentVersion.Number);
        }
        else if (int.TryParse(reference.Trim().TrimStart('v', 'V'), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            // Draft versions are internal: the public sees the published (current) one only, as with GET /documents/{id}/versions.
            if (document.Versions.All(v => v.Number != n) || (!insider && n != document.CurrentVersion.Number))
            {
                return null;
            }

            (target, number) = (document, n);
        }
        else if (await FindAsync(reference, ctx, ct) is { } other)
        {
            (target, number) = (other, other.CurrentVersion.Number);
        }
        else
        {
            return null;
        }

        var json = await ctx.Db.VersionContents.AsNoTracking()
            .Where(c => c.DocumentId == target.Id && c.VersionNumber == number)
            .Select(c => c.ParsedJson)
            .SingleOrDefaultAsync(ct);
        if (json is null)
        {
            return null;
        }

        var version = target.Versions.Single(v => v.Number == number);
        var title = number == target.CurrentVersion.Number ? target.Title : version.Title ?? target.Title;
        return new Side(ParsedDocumentJson.Deserialize(json),
            new ComparedVersionDto(target.Id, number, title, target.UnifiedNumber, target.PublishedOn));
    }

    /// <summary>A published document by id or 统一编号; null for anything else (drafts included).</summary>
    private static async Task<NormativeDocumentRecord?> FindAsync(string key, RegisterContext ctx, CancellationToken ct)
    {
        if (Guid.TryParse(key, out var id))
        {
            return await ctx.Db.Documents.WithSpecification(new DocumentByIdSpec(id, Caller.Anonymous)).SingleOrDefaultAsync(ct);
        }

        var number = DocumentNumberKey.UnifiedNumber(Uri.UnescapeDataString(key));
        if (!UnifiedNumber.IsValid(number))
        {
            return null;
        }

        return await ctx.Db.Documents
            .WithSpecification(new PublicRegisterSpec(new PublicRegisterFilter(UnifiedNumber: number), ctx.Today), criteriaOnly: true)
            .SingleOrDefaultAsync(ct);
    }

    private static async Task<List<DocumentRefDto>> RefsAsync(
        RegisterContext ctx, System.Linq.Expressions.Expression<Func<NormativeDocumentRecord, bool>> which, CancellationToken ct) =>
        await ctx.Db.Documents.AsNoTracking()
            .WithSpecification(new PublicRegisterSpec(new PublicRegisterFilter(), ctx.Today), criteriaOnly: true)
            .Where(which)
            .OrderBy(d => d.PublishedOn).ThenBy(d => d.Id)
            .Select(d => new DocumentRefDto(d.Id, d.Title, d.DocumentNumber, d.UnifiedNumber, Base + "/" + d.Id))
            .ToListAsync(ct);

    private static RegisterQuestion Question(RegisterFilterQuery q, SearchQueryParser parser, DateOnly today, Dictionary<string, string[]> errors)
    {
        var statuses = new List<DocumentStatus>();
        foreach (var value in Values(q.Status))
        {
            if (KebabEnum.TryParse<DocumentStatus>(value, out var status) && PublicRegisterFilter.PublicStatuses.Contains(status))
            {
                statuses.Add(status);
            }
            else
            {
                errors["status"] = [$"'{value}' is not one of: {string.Join(", ", PublicRegisterFilter.PublicStatuses.Select(s => JsonNaming.Kebab(s.ToString())))}."];
            }
        }

        var authorities = Ids(q.IssuingAuthorityId, "issuingAuthorityId", errors);
        var departments = Ids(q.DraftingDepartmentId, "draftingDepartmentId", errors);
        var types = Values(q.Type).ToList();
        if (q.Year is < 1949 or > 2999)
        {
            errors["year"] = ["year is a four-digit year."];
        }

        var documentNumber = DocumentNumberKey.Of(q.DocumentNumber);
        var unifiedNumber = DocumentNumberKey.UnifiedNumber(q.UnifiedNumber);
        if (unifiedNumber is not null && !UnifiedNumber.IsValid(unifiedNumber))
        {
            errors["unifiedNumber"] = [$"'{q.UnifiedNumber}' is not a 统一编号 (e.g. ATLD00-2018-0047)."];
        }

        SearchQuery? search = null;
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var asUnified = DocumentNumberKey.UnifiedNumber(q.Q);
            if (DocumentNumberParser.TryParseLookup(q.Q, out var number) && documentNumber is null)
            {
                // A citizen pasting “桐政发〔2018〕47号” into the search box means the document with that number.
                documentNumber = number.Text;
            }
            else if (UnifiedNumber.IsValid(asUnified) && unifiedNumber is null)
            {
                unifiedNumber = asUnified;
            }
            else
            {
                try
                {
                    search = parser.Parse(q.Q, q.TitleOnly ?? false);
                }
                catch (SearchQueryException e)
                {
                    errors["q"] = [e.Message];
                }
            }
        }

        var filter = new PublicRegisterFilter(
            statuses.Count > 0 ? statuses : null,
            authorities,
            departments,
            types.Count > 0 ? types : null,
            Paging.Date(q.InForceOn, "inForceOn", errors),
            Paging.Date(q.PublishedFrom, "publishedFrom", errors),
            Paging.Date(q.PublishedTo, "publishedTo", errors),
            Paging.Date(q.EffectiveFrom, "effectiveFrom", errors),
            Paging.Date(q.EffectiveTo, "effectiveTo", errors),
            q.Year,
            unifiedNumber);
        return new RegisterQuestion(filter, search, documentNumber, today);
    }

    private static RegisterSort Sort(string? text, bool searching, Dictionary<string, string[]> errors)
    {
        switch (text?.Trim())
        {
            case null or "":
                return searching ? RegisterSort.Relevance : RegisterSort.PublishedDescending;
            case "relevance" when searching:
                return RegisterSort.Relevance;
            case "relevance":
                errors["sort"] = ["sort=relevance needs a full-text query (q)."];
                return RegisterSort.PublishedDescending;
            case "-publishedOn":
                return RegisterSort.PublishedDescending;
            case "publishedOn":
                return RegisterSort.PublishedAscending;
            case "-effectiveDate":
                return RegisterSort.EffectiveDescending;
            case "effectiveDate":
                return RegisterSort.EffectiveAscending;
            default:
                errors["sort"] = [$"'{text}' is not one of: relevance, -publishedOn, publishedOn, -effectiveDate, effectiveDate."];
                return RegisterSort.PublishedDescending;
        }
    }

    /// <summary>A cursor names the query it belongs to (filters and order), so it cannot be replayed against another.</summary>
    private static string Fingerprint(RegisterFilterQuery q, RegisterSort sort)
    {
        static string J(string[]? values) => string.Join(",", Values(values).Order(StringComparer.Ordinal));
        var text = string.Join("\u001f", sort.ToString(), q.Q?.Trim(), q.TitleOnly?.ToString(), J(q.Status), J(q.IssuingAuthorityId),
            J(q.DraftingDepartmentId), J(q.Type), q.InForceOn, q.PublishedFrom, q.PublishedTo, q.EffectiveFrom, q.EffectiveTo,
            q.Year?.ToString(CultureInfo.InvariantCulture), DocumentNumberKey.Of(q.DocumentNumber), DocumentNumberKey.UnifiedNumber(q.UnifiedNumber));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static RegisterCursor? ReadCursor(string cursor, string fingerprint)
    {
        if (!Cursor.TryDecode(cursor, "r", 4, out var parts) || parts[0] != fingerprint)
        {
            return null;
        }

        return int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var score)
            && Cursor.TryParseDate(parts[2], out var date) && Guid.TryParse(parts[3], out var id)
                ? new RegisterCursor(score, date, id)
                : null;
    }

    private static RegisterItemDto Item(RegisterRow r, DateOnly today, SearchQuery? search, Dictionary<Guid, (string Title, string Body)> texts)
    {
        IReadOnlyList<HighlightDto>? titleMarks = null;
        SnippetDto? snippet = null;
        if (search is not null)
        {
            titleMarks = [.. Highlighter.Find(r.Title, search).Select(m => new HighlightDto(m.Start, m.Length))];
            if (!search.TitleOnly && texts.TryGetValue(r.Id, out var text) && Highlighter.Snippet(text.Body, search) is { } s)
            {
                snippet = new SnippetDto(s.Text, [.. s.Highlights.Select(m => new HighlightDto(m.Start, m.Length))]);
            }
        }

        return new RegisterItemDto(r.Id, r.Title, r.DocumentNumber, r.UnifiedNumber, r.DocumentType, r.StatusOn(today),
            new OrganisationRef(r.IssuingAuthorityId, r.IssuingAuthorityName), new OrganisationRef(r.DraftingDepartmentId, r.DraftingDepartmentName),
            r.PublishedOn, r.EffectiveDate, r.ValidUntil, r.Termination is null ? null : r.TerminatedOn,
            search is null ? null : r.Score, titleMarks, snippet, $"{Base}/{r.Id}");
    }

    private static PublishedTextDto? Text(string json)
    {
        NormativeDocument reading;
        try
        {
            reading = ParsedDocumentJson.Deserialize(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        var paragraphs = reading.Paragraphs
            .Where(p => p.Role is not (ParagraphRole.Title or ParagraphRole.Empty or ParagraphRole.CopiedTo or ParagraphRole.PrintInfo)
                && !string.IsNullOrWhiteSpace(p.Text))
            .Select(p => new TextParagraphDto(p.Index, p.Role, p.Path, p.Label, p.Text))
            .ToList();
        return new PublishedTextDto(reading.Form, reading.EnclosedTitle, reading.Recipients, reading.Outline, reading.Articles, reading.Attachments, paragraphs);
    }

    /// <summary>The download name: the title and the uploaded file's extension, without characters file systems refuse.</summary>
    private static string FileName(NormativeDocumentRecord document, DocumentVersion version)
    {
        var extension = Path.GetExtension(version.FileName) is { Length: > 1 and <= 6 } ext ? ext.ToLowerInvariant() : ".docx";
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var name = string.Concat(document.Title.Where(c => !invalid.Contains(c) && !char.IsControl(c))).Trim();
        if (name.Length > 120)
        {
            name = name[..120];
        }

        return (name.Length == 0 ? document.UnifiedNumber ?? document.Id.ToString("D") : name) + extension;
    }

    private static IEnumerable<string> Values(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static List<Guid>? Ids(string[]? values, string field, Dictionary<string, string[]> errors)
    {
        var ids = new List<Guid>();
        foreach (var value in Values(values))
        {
            if (Guid.TryParse(value, out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors[field] = [$"'{value}' is not an organisation id."];
            }
        }

        return ids.Count > 0 ? ids : null;
    }

    private sealed record Side(NormativeDocument Reading, ComparedVersionDto Dto);
}
