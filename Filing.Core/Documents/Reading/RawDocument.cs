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
/// Accepted text: insertions (<c>w:ins</c>, <c>w:moveTo</c>) kept, deletions (<c>w:del</c>, <c>w:moveFrom</c>) dropped,
/// a paragraph whose mark was deleted joined to the next one, the automatic-numbering label rendered in front followed
/// by its <c>w:suff</c> ('\t' by default, ' ' or nothing); <c>w:br</c>/<c>w:cr</c> become '\n', <c>w:tab</c> '\t',
/// <c>w:noBreakHyphen</c> '-'; field results kept, field codes dropped; directly hidden text left out.
/// </param>
/// <param name="GeneratedPrefixLength">Length of the rendered numbering label and its suffix at the start of <paramref name="Text"/> (0 when none).</param>
/// <param name="Source">Body, table cell or text box.</param>
/// <param name="SourceOrdinal">
/// Where the paragraph is in the file, for writers that must find it again (e.g. to anchor a Word comment): the
/// zero-based index of its <c>w:p</c> element among <b>all</b> <c>w:p</c> elements of the main document part, counted in
/// document order (start tags, so a text box's paragraphs count after the paragraph that anchors them) through tables,
/// nested tables, text boxes, content controls and even content that is not shown (deleted rows, merged-away cells,
/// deleted text boxes) — except <c>w:p</c> elements inside <c>mc:Fallback</c> or inside any <c>mc:Choice</c> but the
/// first of its <c>mc:AlternateContent</c>, which are not counted. With the Open XML SDK that is
/// <c>body.Descendants&lt;Paragraph&gt;()</c> minus those with an <c>AlternateContentFallback</c> (or a second
/// <c>AlternateContentChoice</c>) among their ancestors. When a deleted paragraph mark joined two paragraphs, this is
/// the first one if it contributed visible text, else the paragraph that absorbed it.
/// </param>
/// <param name="StyleId">Paragraph style id, if any.</param>
/// <param name="StyleName">Paragraph style name (e.g. "heading 1", "Title"), if any.</param>
/// <param name="OutlineLevel">Outline level from the paragraph or its style (0 = level 1), if any.</param>
/// <param name="Alignment">Paragraph justification: left/both/center/right/distribute, or null for the default.</param>
/// <param name="FontSizeHalfPoints">The dominant run font size in half-points (w:sz), from runs or styles, if known.</param>
/// <param name="Bold">Whether the dominant run formatting is bold.</param>
/// <param name="Table">For table-cell paragraphs: table index, row and column (merged cells appear once).</param>
/// <param name="PageBreakBefore">
/// Whether the paragraph starts on a new page: <c>w:pageBreakBefore</c>, or a page or section break before its text
/// (empty paragraphs in between are passed over). Attachments usually start this way.
/// </param>
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

/// <summary>
/// Position of a table cell. <paramref name="Table"/> numbers tables (nested ones too) in document order; rows count
/// the rows shown (tracked-deleted rows are gone); <paramref name="Column"/> is the grid column where the cell starts
/// (after <c>w:gridBefore</c>), so a cell under a merged header keeps its column. Merged cells appear once, at their
/// first row and column.
/// </summary>
internal sealed record TableCellRef(int Table, int Row, int Column);
