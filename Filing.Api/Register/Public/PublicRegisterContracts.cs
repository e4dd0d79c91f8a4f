using Filing.Core.Documents;
using Filing.Core.Documents.Comparison;
using Filing.Core.Register;
using Microsoft.AspNetCore.Mvc;

namespace Filing.Api.Register.Public;

// Request and response shapes of the public register (/api/v1/register). camelCase names, kebab-case enum values.

/// <summary>Filters shared by the list, the facets and the export. Repeat a parameter (or separate values with commas) for “any of”.</summary>
public sealed class RegisterFilterQuery
{
    /// <summary>
    /// Full-text query over title and body (Chinese words via jieba). Words separated by spaces must all occur;
    /// "quoted phrases" (or “”) must occur exactly; <c>OR</c> between two parts makes either enough; a leading
    /// <c>-</c> excludes. A query that is exactly a 发文字号 or 统一编号 looks the number up instead. At most 200 characters.
    /// </summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>Match <c>q</c> against titles only.</summary>
    [FromQuery(Name = "titleOnly")]
    public bool? TitleOnly { get; set; }

    /// <summary>Status today: in-force, not-yet-in-force, expired, amended, repealed, declared-invalid, revoked.</summary>
    [FromQuery(Name = "status")]
    public string[]? Status { get; set; }

    /// <summary>制定机关 (organisation id).</summary>
    [FromQuery(Name = "issuingAuthorityId")]
    public string[]? IssuingAuthorityId { get; set; }

    /// <summary>起草单位 (organisation id).</summary>
    [FromQuery(Name = "draftingDepartmentId")]
    public string[]? DraftingDepartmentId { get; set; }

    /// <summary>文种, exact (办法, 意见, 通知…).</summary>
    [FromQuery(Name = "type")]
    public string[]? Type { get; set; }

    /// <summary>In force on this day (yyyy-MM-dd): published and effective on or before it, validity not ended, not repealed/amended/declared invalid/revoked by then.</summary>
    [FromQuery(Name = "inForceOn")]
    public string? InForceOn { get; set; }

    /// <summary>Published on or after (yyyy-MM-dd).</summary>
    [FromQuery(Name = "publishedFrom")]
    public string? PublishedFrom { get; set; }

    /// <summary>Published on or before (yyyy-MM-dd).</summary>
    [FromQuery(Name = "publishedTo")]
    public string? PublishedTo { get; set; }

    /// <summary>施行 on or after (yyyy-MM-dd).</summary>
    [FromQuery(Name = "effectiveFrom")]
    public string? EffectiveFrom { get; set; }

    /// <summary>施行 on or before (yyyy-MM-dd).</summary>
    [FromQuery(Name = "effectiveTo")]
    public string? EffectiveTo { get; set; }

    /// <summary>Published in this year.</summary>
    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    /// <summary>发文字号, tolerant of the usual variants (桐政发[2018]47号, half-width or full-width, spaces, 第047号).</summary>
    [FromQuery(Name = "documentNumber")]
    public string? DocumentNumber { get; set; }

    /// <summary>统一编号, tolerant of case, full-width characters, spaces and dash variants.</summary>
    [FromQuery(Name = "unifiedNumber")]
    public string? UnifiedNumber { get; set; }
}

/// <summary>Order and paging of <c>GET /api/v1/register</c>.</summary>
public sealed class RegisterPageQuery
{
    /// <summary>relevance (default with q), -publishedOn (default without q), publishedOn, -effectiveDate or effectiveDate. Ties: newest publication, then id.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>Page size, 1–200 (default 50); more is a 400 that states the maximum.</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; set; }

    /// <summary><c>nextCursor</c> of the previous page, with the same filters and sort.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }
}

/// <summary>Format of <c>GET /api/v1/register/export</c>.</summary>
public sealed class RegisterExportQuery
{
    /// <summary>csv (default; UTF-8 with BOM, header row, RFC 4180) or jsonl (one JSON object per line).</summary>
    [FromQuery(Name = "format")]
    public string? Format { get; set; }
}

/// <summary>The two versions of <c>GET /api/v1/register/{key}/diff</c>.</summary>
public sealed class RegisterDiffQuery
{
    /// <summary>Older side: another published document (id or 统一编号) or a version number of this one; default: the document this one amended.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>Newer side, same forms; default: this document as published.</summary>
    [FromQuery(Name = "to")]
    public string? To { get; set; }
}

/// <summary>A range a query matched, in characters of the text it belongs to.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
public sealed record HighlightDto(int Start, int Length);

/// <summary>A short piece of the body around the best match.</summary>
/// <param name="Text">The piece, with “…” where it was cut.</param>
/// <param name="Highlights">What matched, as ranges of <paramref name="Text"/>.</param>
public sealed record SnippetDto(string Text, IReadOnlyList<HighlightDto> Highlights);

/// <summary>One document of the public register.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Title">标题.</param>
/// <param name="DocumentNumber">发文字号.</param>
/// <param name="UnifiedNumber">统一编号.</param>
/// <param name="DocumentType">文种.</param>
/// <param name="Status">Status today: in-force, not-yet-in-force, expired, amended, repealed, declared-invalid or revoked.</param>
/// <param name="IssuingAuthority">制定机关.</param>
/// <param name="DraftingDepartment">起草单位.</param>
/// <param name="PublishedOn">公布日期.</param>
/// <param name="EffectiveDate">施行日期.</param>
/// <param name="ValidUntil">Last day of validity, or null when none is stated.</param>
/// <param name="EndedOn">The day it was repealed, declared invalid, amended or revoked, if it was.</param>
/// <param name="Score">Relevance rank when searching with <c>q</c> (higher is better), else null.</param>
/// <param name="TitleHighlights">Where <c>q</c> matched in the title (ranges of <paramref name="Title"/>), when searching.</param>
/// <param name="Snippet">A piece of the body around the best match, when searching and the body matched.</param>
/// <param name="Url">The document's register URL.</param>
public sealed record RegisterItemDto(
    Guid Id,
    string Title,
    string? DocumentNumber,
    string? UnifiedNumber,
    string? DocumentType,
    DocumentStatus Status,
    OrganisationRef IssuingAuthority,
    OrganisationRef DraftingDepartment,
    DateOnly? PublishedOn,
    DateOnly? EffectiveDate,
    DateOnly? ValidUntil,
    DateOnly? EndedOn,
    int? Score,
    IReadOnlyList<HighlightDto>? TitleHighlights,
    SnippetDto? Snippet,
    string Url);

/// <summary>Counts per value of a facet.</summary>
/// <param name="Value">The value to filter by (organisation id, 文种, status, year).</param>
/// <param name="Label">Readable name when the value is an id.</param>
/// <param name="Count">Documents with this value among those matching the filters.</param>
public sealed record FacetValueDto(string Value, string? Label, int Count);

/// <summary>Facet counts for the same filters as the list.</summary>
/// <param name="Total">Documents matching the filters.</param>
/// <param name="IssuingAuthorities">By 制定机关 (value: <c>issuingAuthorityId</c>).</param>
/// <param name="DocumentTypes">By 文种 (value: <c>type</c>; empty when the type was not recognised).</param>
/// <param name="Statuses">By status today (value: <c>status</c>).</param>
/// <param name="Years">By year of publication (value: <c>year</c>).</param>
public sealed record RegisterFacetsDto(
    int Total,
    IReadOnlyList<FacetValueDto> IssuingAuthorities,
    IReadOnlyList<FacetValueDto> DocumentTypes,
    IReadOnlyList<FacetValueDto> Statuses,
    IReadOnlyList<FacetValueDto> Years);

/// <summary>A document's status with why and since when.</summary>
/// <param name="Value">in-force, not-yet-in-force, expired, amended, repealed, declared-invalid or revoked.</param>
/// <param name="Since">First day the status holds.</param>
/// <param name="Until">For a document in force or not yet in force: the last day it will apply, when known.</param>
/// <param name="Reason">not-yet-effective, in-force, validity-ended, repealed, declared-invalid, amended or revoked.</param>
/// <param name="Summary">The same in a Chinese sentence, e.g. 有效期至2021年4月30日届满，自2021年5月1日起失效。</param>
public sealed record StatusDto(DocumentStatus Value, DateOnly? Since, DateOnly? Until, string Reason, string Summary)
{
    public static StatusDto From(StatusExplanation e) => new(e.Status, e.Since, e.Until, e.Reason, e.Summary);
}

/// <summary>A reference to another register document.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">标题.</param>
/// <param name="DocumentNumber">发文字号.</param>
/// <param name="UnifiedNumber">统一编号.</param>
/// <param name="Url">Its register URL.</param>
public sealed record DocumentRefDto(Guid Id, string Title, string? DocumentNumber, string? UnifiedNumber, string Url);

/// <summary>How the document ended.</summary>
/// <param name="Kind">repealed, declared-invalid, amended or revoked.</param>
/// <param name="Date">From when (may be in the future).</param>
/// <param name="Reason">The published reason.</param>
/// <param name="ReplacedBy">The amending document.</param>
public sealed record RegisterTerminationDto(TerminationKind Kind, DateOnly Date, string? Reason, DocumentRefDto? ReplacedBy);

/// <summary>A paragraph of the published text.</summary>
/// <param name="Index">Position in the document.</param>
/// <param name="Role">heading, body, enclosed-title, attachment…</param>
/// <param name="Path">Structure path (第三条第二款, 二、（一）), if inside the normative text.</param>
/// <param name="Label">Structural label it starts with (第三条, （一）).</param>
/// <param name="Text">The text.</param>
public sealed record TextParagraphDto(int Index, ParagraphRole Role, string? Path, string? Label, string Text);

/// <summary>The published text as structure, from the reading stored at upload.</summary>
/// <param name="Form">articles (第X条) or outline (一、（一）).</param>
/// <param name="EnclosedTitle">For a 印发 notice: the enclosed document's title.</param>
/// <param name="Recipients">主送机关.</param>
/// <param name="Outline">Headings with their children.</param>
/// <param name="Articles">Every 第X条 with its 款, 项 and 目.</param>
/// <param name="Attachments">Attachments.</param>
/// <param name="Paragraphs">Every paragraph of the text (without the title, empty lines and the 版记).</param>
public sealed record PublishedTextDto(
    DocumentForm Form,
    string? EnclosedTitle,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<OutlineNode> Outline,
    IReadOnlyList<Article> Articles,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<TextParagraphDto> Paragraphs);

/// <summary>The original Word file of the published version.</summary>
/// <param name="Name">File name offered for download.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">SHA-256 of the bytes, hex.</param>
/// <param name="Url">Download URL.</param>
public sealed record RegisterFileDto(string Name, string ContentType, long Size, string Sha256, string Url);

/// <summary>Related URLs.</summary>
/// <param name="Self">This document.</param>
/// <param name="Timeline">Its dated public events.</param>
/// <param name="File">The Word file.</param>
/// <param name="Diff">Differences from the document it amended, when it amended one.</param>
public sealed record RegisterLinksDto(string Self, string Timeline, string File, string? Diff);

/// <summary>One document of the public register in full.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Title">标题.</param>
/// <param name="DocumentNumber">发文字号.</param>
/// <param name="UnifiedNumber">统一编号.</param>
/// <param name="DocumentType">文种.</param>
/// <param name="IssuingAuthority">制定机关.</param>
/// <param name="DraftingDepartment">起草单位.</param>
/// <param name="Status">Status today, why, and since when.</param>
/// <param name="PublishedOn">公布日期.</param>
/// <param name="PublicationChannel">Where it was published (政府公报, 政府网站…).</param>
/// <param name="EffectiveDate">施行日期.</param>
/// <param name="ValidUntil">Last day of validity, or null.</param>
/// <param name="PolicyInterpretation">政策解读 published with it, if any.</param>
/// <param name="Termination">How it ended, if it did or is scheduled to.</param>
/// <param name="Replaces">Documents this one amended (replaced).</param>
/// <param name="Text">The published text as structure; null when the stored reading cannot be read.</param>
/// <param name="File">The Word file.</param>
/// <param name="Links">Related URLs.</param>
public sealed record RegisterDocumentDto(
    Guid Id,
    string Title,
    string? DocumentNumber,
    string? UnifiedNumber,
    string? DocumentType,
    OrganisationRef IssuingAuthority,
    OrganisationRef DraftingDepartment,
    StatusDto Status,
    DateOnly? PublishedOn,
    string? PublicationChannel,
    DateOnly? EffectiveDate,
    DateOnly? ValidUntil,
    string? PolicyInterpretation,
    RegisterTerminationDto? Termination,
    IReadOnlyList<DocumentRefDto> Replaces,
    PublishedTextDto? Text,
    RegisterFileDto File,
    RegisterLinksDto Links);

/// <summary>A dated public event in a document's life.</summary>
/// <param name="Date">The day (China time).</param>
/// <param name="Kind">drafted, public-comment, public-comment-waived, fair-competition-review, fair-competition-joint-review,
/// gender-equality-assessment, health-screening, legality-review, collective-decision, registration, publication, amends, filed,
/// filing-received, filing-returned, filing-resubmitted, filing-review-opinion, filing-corrected, in-force, amendment-planned,
/// cleanup-decision, expired, repealed, declared-invalid, amended, revoked; and from public participation comment-period-closed,
/// feedback-report-published, policy-interpretation-published, objection-received, objection-accepted, objection-not-accepted,
/// objection-transferred, objection-review-started, objection-concluded, objection-answered (objections are numbered 第N件 by
/// order of receipt; no tracking code, grounds, reply text or submitter ever appears).</param>
/// <param name="Title">What happened, in Chinese.</param>
/// <param name="Detail">Public detail: meeting, channel, unified number, period, related document, repeal reason.</param>
/// <param name="Outcome">passed / returned / not-applicable for reviews; the opinion kind for filing review; the cleanup decision;
/// for objections the reason kind of a non-acceptance, the conclusion, or the outcome of the answer.</param>
/// <param name="By">The organisation that acted, when recorded.</param>
/// <param name="Derived">True for events that follow from dates (in force, expired) rather than a recorded act.</param>
public sealed record TimelineEventDto(DateOnly Date, string Kind, string Title, string? Detail, string? Outcome, OrganisationRef? By, bool Derived);

/// <summary>One side of a comparison.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Version">Its version number.</param>
/// <param name="Title">Its title.</param>
/// <param name="UnifiedNumber">统一编号, if registered.</param>
/// <param name="PublishedOn">公布日期, if published.</param>
public sealed record ComparedVersionDto(Guid DocumentId, int Version, string Title, string? UnifiedNumber, DateOnly? PublishedOn);

/// <summary>How many provisions of each kind.</summary>
/// <param name="Added">新增.</param>
/// <param name="Removed">删除.</param>
/// <param name="Changed">修改.</param>
/// <param name="Renumbered">Same text, other number.</param>
/// <param name="Unchanged">Same text, same place.</param>
public sealed record DiffSummaryDto(int Added, int Removed, int Changed, int Renumbered, int Unchanged);

/// <summary>Article-level differences between two versions.</summary>
/// <param name="From">The older side.</param>
/// <param name="To">The newer side.</param>
/// <param name="Basis">articles (第X条, matched by text so renumbering shows) or structure-paths (一、（一）…).</param>
/// <param name="Summary">Counts.</param>
/// <param name="Changes">Added, removed, changed and renumbered provisions in the order of the newer version; a change
/// carries the character diff (equal / insert / delete segments).</param>
public sealed record RegisterDiffDto(
    ComparedVersionDto From,
    ComparedVersionDto To,
    ComparisonBasis Basis,
    DiffSummaryDto Summary,
    IReadOnlyList<ProvisionChange> Changes);

/// <summary>One line of the JSON Lines export (the CSV has the same columns).</summary>
public sealed record RegisterExportRow(
    Guid Id,
    string Title,
    string? DocumentNumber,
    string? UnifiedNumber,
    string? DocumentType,
    DocumentStatus Status,
    Guid IssuingAuthorityId,
    string IssuingAuthority,
    Guid DraftingDepartmentId,
    string DraftingDepartment,
    DateOnly? PublishedOn,
    DateOnly? EffectiveDate,
    DateOnly? ValidUntil,
    TerminationKind? EndedHow,
    DateOnly? EndedOn,
    string? PublicationChannel,
    string Url);
