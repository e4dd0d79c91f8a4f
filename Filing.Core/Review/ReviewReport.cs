namespace Filing.Core.Review;

/// <summary>
/// The result of one review: what document it was, which steps ran, every finding in document order and the
/// counts a reviewer looks at first.
/// </summary>
/// <param name="Document">Title, 发文字号, issuer and size of the reviewed document.</param>
/// <param name="Steps">The steps that ran.</param>
/// <param name="WholeDocument">Whether document-level checks (发文字号, 有效期, 附件…) ran.</param>
/// <param name="Findings">Findings ordered by paragraph, position and rule id.</param>
/// <param name="CountsByStep">Findings per step; every step that ran is present, with 0 when clean.</param>
/// <param name="CountsBySeverity">Findings per severity; every severity is present.</param>
/// <param name="Notices">What the engine could not do (e.g. a rule that timed out on a paragraph); empty normally.</param>
public sealed record ReviewReport(
    DocumentSummary Document,
    IReadOnlyList<ReviewStep> Steps,
    bool WholeDocument,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<ReviewStep, int> CountsByStep,
    IReadOnlyDictionary<Severity, int> CountsBySeverity,
    IReadOnlyList<string> Notices);

/// <summary>What was reviewed.</summary>
/// <param name="Title">标题, if known.</param>
/// <param name="DocumentNumber">发文字号 as written, if known.</param>
/// <param name="IssuingBody">发文机关, if known.</param>
/// <param name="Date">成文日期, if known.</param>
/// <param name="DocumentType">文种, if known.</param>
/// <param name="Paragraphs">Number of paragraphs.</param>
/// <param name="Characters">Number of characters of text.</param>
public sealed record DocumentSummary(
    string? Title,
    string? DocumentNumber,
    string? IssuingBody,
    DateOnly? Date,
    string? DocumentType,
    int Paragraphs,
    int Characters);
