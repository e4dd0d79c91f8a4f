namespace Filing.Core.Review;

/// <summary>The review steps the seed names, plus drafting form.</summary>
public enum ReviewStep
{
    /// <summary>公平竞争审查.</summary>
    FairCompetition,
    /// <summary>性别平等咨询评估.</summary>
    GenderEquality,
    /// <summary>健康审查 / 健康影响评价.</summary>
    Health,
    /// <summary>合法性审查.</summary>
    Legality,
    /// <summary>Drafting form (GB/T 9704, validity, attachments).</summary>
    Drafting,
}

/// <summary>How serious a finding is.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>Where a finding sits: structure path, paragraph index and the exact characters of the excerpt.</summary>
/// <param name="Path">Structure path of the paragraph (e.g. 第三条第二款), or null outside the normative text.</param>
/// <param name="Paragraph">Index into <see cref="Documents.NormativeDocument.Paragraphs"/>.</param>
/// <param name="Start">Offset of the excerpt inside the paragraph's text.</param>
/// <param name="Length">Length of the excerpt.</param>
public readonly record struct FindingLocation(string? Path, int Paragraph, int Start, int Length);

/// <summary>A legal basis: law, article and optionally item, e.g. 公平竞争审查条例 第九条 第（二）项.</summary>
/// <param name="Law">Short statute name as in <c>../shared/laws</c>, without 中华人民共和国 (e.g. 行政许可法).</param>
/// <param name="Article">第X条.</param>
/// <param name="Item">第（X）项, or null.</param>
/// <param name="Paragraph">第X款 when the article has several paragraphs and only one applies, or null.</param>
public sealed record LegalBasis(string Law, string Article, string? Item = null, string? Paragraph = null)
{
    /// <summary>e.g. 《公平竞争审查条例》第九条第（二）项.</summary>
    public override string ToString() => $"《{Law}》{Article}{Paragraph}{Item}";
}

/// <summary>One suspect clause: the rule it breaks, where it is, why, and what to do. Findings are data, not errors.</summary>
/// <param name="RuleId">Stable rule id (cited by golden files, the API and stored reports).</param>
/// <param name="Step">Review step.</param>
/// <param name="Severity">error, warning or info.</param>
/// <param name="Message">User-facing Chinese message.</param>
/// <param name="Excerpt">The exact flagged characters.</param>
/// <param name="Location">Where the excerpt is.</param>
/// <param name="Basis">Legal basis.</param>
/// <param name="Suggestion">What to do.</param>
/// <param name="Note">Extra context, e.g. that an art-12 exception was stated and the finding was downgraded.</param>
/// <param name="Quotation">
/// Set when the excerpt lies in text the draft quotes or copies from a statute: which statute and article, and whether
/// the text was found there. A found or unverifiable quotation is reported at <see cref="Severity.Info"/> (the draft
/// does not impose it); one not found in the cited statute keeps the rule's severity.
/// </param>
public sealed record Finding(
    string RuleId,
    ReviewStep Step,
    Severity Severity,
    string Message,
    string Excerpt,
    FindingLocation Location,
    IReadOnlyList<LegalBasis> Basis,
    string? Suggestion,
    string? Note = null,
    StatuteQuotation? Quotation = null);

/// <summary>What a quotation check found.</summary>
public enum QuotationCheck
{
    /// <summary>The quoted text occurs in the cited statute (or, for copied text, in a statute shipped with the engine).</summary>
    Verified,

    /// <summary>The cited statute's text is not shipped with the engine, so only the form of the quotation was seen.</summary>
    NotVerifiable,

    /// <summary>The cited statute's text is shipped and the quoted text is not in it: a misquotation or the draft's own words.</summary>
    NotFound,
}

/// <summary>A quotation of (or text copied from) a statute that a finding's excerpt lies in. 引用法条.</summary>
/// <param name="Law">The statute, short name (行政处罚法), or the title as cited.</param>
/// <param name="Article">The article the draft cites (第九条), or null.</param>
/// <param name="Check">Whether the text was found in the statute.</param>
/// <param name="FoundIn">The article the text was found in (may differ from the cited one), or null.</param>
/// <param name="Cited">Whether the draft names the statute (false for statute text copied without a citation).</param>
public sealed record StatuteQuotation(string Law, string? Article, QuotationCheck Check, string? FoundIn, bool Cited);
