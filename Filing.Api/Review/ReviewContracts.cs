using Filing.Api.Documents;
using Filing.Core.Review;
using Filing.Core.Review.Rules;

namespace Filing.Api.Review;

/// <summary>A pasted passage (or whole document) to review.</summary>
/// <param name="Text">The text; one paragraph per line.</param>
/// <param name="Steps">Steps to run (fair-competition, gender-equality, health, legality, drafting); all when omitted.</param>
/// <param name="WholeDocument">Whether the text is a whole document, so that document-level checks (发文字号, 有效期, 附件…) run.</param>
public sealed record ReviewTextRequest(string? Text, IReadOnlyList<string>? Steps = null, bool WholeDocument = false);

/// <summary>The multipart form of a Word upload to review.</summary>
/// <param name="File">The Word file (.docx, .docm, .dotx, .dotm).</param>
/// <param name="Steps">Optional comma-separated steps (fair-competition,legality…); all when omitted.</param>
public sealed record ReviewUpload(IFormFile File, string? Steps);

/// <summary>A review report: what was reviewed, every finding in document order, and the counts.</summary>
/// <param name="Document">Title, 发文字号, issuer, date and size of the reviewed text.</param>
/// <param name="Findings">Findings ordered by paragraph and position.</param>
/// <param name="Summary">Counts by step and by severity.</param>
/// <param name="Steps">The steps that ran.</param>
/// <param name="WholeDocument">Whether document-level checks ran.</param>
/// <param name="Notices">What the engine could not do (e.g. a rule that timed out); empty normally.</param>
public sealed record ReviewResponse(
    ReviewedDocumentDto Document,
    IReadOnlyList<FindingDto> Findings,
    ReviewSummaryDto Summary,
    IReadOnlyList<string> Steps,
    bool WholeDocument,
    IReadOnlyList<string> Notices)
{
    public static ReviewResponse From(ReviewReport r) => new(
        new ReviewedDocumentDto(
            r.Document.Title,
            r.Document.DocumentNumber,
            r.Document.IssuingBody,
            ParsedDocumentResponse.Iso(r.Document.Date),
            r.Document.DocumentType,
            r.Document.Paragraphs,
            r.Document.Characters),
        r.Findings.Select(FindingDto.From).ToList(),
        new ReviewSummaryDto(
            r.CountsByStep.ToDictionary(kv => ReviewStepNames.Name(kv.Key), kv => kv.Value),
            r.CountsBySeverity.OrderByDescending(kv => kv.Key).ToDictionary(kv => ReviewStepNames.Name(kv.Key), kv => kv.Value),
            r.Findings.Count),
        r.Steps.Select(ReviewStepNames.Name).ToList(),
        r.WholeDocument,
        r.Notices);
}

/// <summary>What was reviewed.</summary>
public sealed record ReviewedDocumentDto(
    string? Title,
    string? DocumentNumber,
    string? IssuingBody,
    string? Date,
    string? DocumentType,
    int Paragraphs,
    int Characters);

/// <summary>Findings per step (every step that ran) and per severity (error, warning, info), and the total.</summary>
public sealed record ReviewSummaryDto(
    IReadOnlyDictionary<string, int> CountsByStep,
    IReadOnlyDictionary<string, int> CountsBySeverity,
    int Total);

/// <summary>
/// One suspect clause: the rule (stable id), step, severity, Chinese message, the exact flagged characters and where
/// they are, the legal basis and what to do. <c>note</c> explains a downgrade (公平竞争审查条例 art 12, or a statute
/// quotation); <c>quotation</c> is set when the excerpt lies in text quoted or copied from a statute.
/// </summary>
public sealed record FindingDto(
    string RuleId,
    string Step,
    string Severity,
    string Message,
    string Excerpt,
    FindingLocationDto Location,
    IReadOnlyList<LegalBasisDto> Basis,
    string? Suggestion,
    string? Note,
    StatuteQuotationDto? Quotation = null)
{
    public static FindingDto From(Finding f) => new(
        f.RuleId,
        ReviewStepNames.Name(f.Step),
        ReviewStepNames.Name(f.Severity),
        f.Message,
        f.Excerpt,
        new FindingLocationDto(f.Location.Path, f.Location.Paragraph, f.Location.Start, f.Location.Length),
        f.Basis.Select(LegalBasisDto.From).ToList(),
        f.Suggestion,
        f.Note,
        f.Quotation is { } q ? StatuteQuotationDto.From(q) : null);
}

/// <summary>
/// The statute a finding's excerpt is quoted or copied from: <c>law</c> and the <c>article</c> the draft cites,
/// <c>check</c> (<c>verified</c>: the text is in the statute, so the finding is info; <c>not-verifiable</c>: the statute's
/// text is not available, judged by form, info; <c>not-found</c>: the statute does not contain it, severity kept),
/// <c>foundIn</c> (the article holding the text) and <c>cited</c> (false for statute text copied without a citation).
/// </summary>
public sealed record StatuteQuotationDto(string Law, string? Article, string Check, string? FoundIn, bool Cited)
{
    public static StatuteQuotationDto From(StatuteQuotation q) => new(
        q.Law,
        q.Article,
        q.Check switch
        {
            QuotationCheck.Verified => "verified",
            QuotationCheck.NotVerifiable => "not-verifiable",
            _ => "not-found",
        },
        q.FoundIn,
        q.Cited);
}

/// <summary>
/// Where the excerpt is: the paragraph's structure path (e.g. 第三条第二款) when known, its index in the document's
/// paragraphs, and the excerpt's start and length inside that paragraph's text.
/// </summary>
public sealed record FindingLocationDto(string? Path, int Paragraph, int Start, int Length);

/// <summary>A statute provision: law, article, paragraph (款) and item (项), and the citation as one string.</summary>
public sealed record LegalBasisDto(string Law, string Article, string? Item, string? Paragraph, string Citation)
{
    public static LegalBasisDto From(LegalBasis b) => new(b.Law, b.Article, b.Item, b.Paragraph, b.ToString());
}

/// <summary>A loaded rule: what is checked and on what basis.</summary>
/// <param name="Id">Stable rule id.</param>
/// <param name="Step">Review step.</param>
/// <param name="Title">Short title.</param>
/// <param name="Severity">error, warning or info.</param>
/// <param name="Basis">Statute provisions (checked against the statute texts by the test suite).</param>
/// <param name="References">Policy documents and standards cited as text.</param>
/// <param name="WholeDocumentOnly">Whether it runs only on whole documents.</param>
/// <param name="Screening">Whether it asks a screening question rather than flagging a problem.</param>
public sealed record RuleDto(
    string Id,
    string Step,
    string Title,
    string Severity,
    IReadOnlyList<LegalBasisDto> Basis,
    IReadOnlyList<string> References,
    bool WholeDocumentOnly,
    bool Screening)
{
    public static RuleDto From(ReviewRule r) => new(
        r.Id,
        ReviewStepNames.Name(r.Step),
        r.Title,
        ReviewStepNames.Name(r.Severity),
        r.Basis.Select(LegalBasisDto.From).ToList(),
        r.References,
        r.WholeDocumentOnly,
        r.Screening);
}

/// <summary>The loaded rules.</summary>
public sealed record RuleListResponse(int Count, IReadOnlyDictionary<string, int> CountsByStep, IReadOnlyList<RuleDto> Rules);
