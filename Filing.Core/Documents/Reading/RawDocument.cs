namespace Filing.Core.Documents.Reading;

/// <summary>
/// What the OOXML layer hands to structure analysis: the accepted text of every paragraph in reading order
/// with the layout facts that help recognise GB/T 9704 elements, plus everything kept apart from the body.
/// </summary>
/// <param name="Paragraphs">Body paragraphs, table-cell paragraphs and text-box paragraphs in reading order.</param>
/// <param name="HeaderFooterText">Text of each non-empty header/footer paragraph.</param>
/// <param name="Notes">Footnotes and endnotes.</param>
/// <param name="Comments">Comments already in the file.</param>
/// <param name="Revisions">Whether tracked changes / comments are present.</param>
/// <param name="Warnings">What the OOXML layer noticed (unsupported objects, dropped content, …).</param>
internal sealed record RawDocument(
    IReadOnlyList<RawParagraph> Paragraphs,
    IReadOnlyList<string> HeaderFooterText,
    IReadOnlyList<Note> Notes,
    IReadOnlyList<Note> Comments,
    RevisionInfo Revisions,
    IReadOnlyList<ParseWarning> Warnings);

/// <summary>One paragraph as Word shows it in the accepted view.</summary>
/// <param name="Text">
/// Accepted text: insertions kept, deletions dropped, the automatic-numbering label rendered in front;
/// <c>w:br</c>/<c>w:cr</c> become '\n', <c>w:tab</c> becomes '\t'.
/// </param>
/// <param name="GeneratedPrefixLength">Length of the rendered numbering label at the start of <paramref name="Text"/> (0 when none).</param>
/// <param name="Source">Body, table cell or text box.</param>
/// <param name="SourceOrdinal">Position of the <c>w:p</c> in the main part in document order, not counting <c>mc:Fallback</c> content.</param>
/// <param name="StyleId">Paragraph style id, if any.</param>
/// <param name="StyleName">Paragraph style name (e.g. "heading 1", "Title"), if any.</param>
/// <param name="OutlineLevel">Outline level from the paragraph or its style (0 = level 1), if any.</param>
/// <param name="Alignment">Paragraph justification: left/both/center/right/distribute, or null for the default.</param>
/// <param name="FontSizeHalfPoints">The dominant run font size in half-points (w:sz), from runs or styles, if known.</param>
/// <param name="Bold">Whether the dominant run formatting is bold.</param>
/// <param name="Table">For table-cell paragraphs: table index, row and column (merged cells appear once).</param>
/// <param name="PageBreakBefore">Whether a page break precedes this paragraph (attachments usually start on a new page).</param>
internal sealed record RawParagraph(
    string Text,
    int GeneratedPrefixLength,
    ParagraphSource Source,
    int SourceOrdinal,
    string? StyleId = null,
    string? StyleName = null,
    int? OutlineLevel = null,
    string? Alignment = null,
    int? FontSizeHalfPoints = null,
    bool Bold = false,
    TableCellRef? Table = null,
    bool PageBreakBefore = false);

/// <summary>Position of a table cell; row and column count merged cells once.</summary>
internal sealed record TableCellRef(int Table, int Row, int Column);
