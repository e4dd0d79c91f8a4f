using Filing.Core.Documents;
using Filing.Core.Documents.Reading;

namespace Filing.Tests.TestSupport;

/// <summary>
/// Builds <see cref="RawDocument"/>s in memory, as the OOXML layer would hand them over, so structure analysis can be
/// tested without Word files. Plain strings are body paragraphs; <see cref="Cell"/> and <see cref="Box"/> make
/// table-cell and text-box paragraphs.
/// </summary>
internal static class RawDocs
{
    public static RawParagraph Body(string text, string? alignment = null, bool pageBreakBefore = false, int? size = null) =>
        new(text, 0, ParagraphSource.Body, 0, Alignment: alignment, PageBreakBefore: pageBreakBefore, FontSizeHalfPoints: size);

    public static RawParagraph Cell(string text, int table = 0, int row = 0, int column = 0) =>
        new(text, 0, ParagraphSource.TableCell, 0, Table: new TableCellRef(table, row, column));

    public static RawParagraph Box(string text) => new(text, 0, ParagraphSource.TextBox, 0);

    /// <summary>A paragraph whose label came from Word's automatic numbering.</summary>
    public static RawParagraph Numbered(string label, string text) => new(label + text, label.Length, ParagraphSource.Body, 0);

    public static NormativeDocument Analyze(params object[] paragraphs) => Analyze(paragraphs, headerFooter: []);

    public static NormativeDocument Analyze(object[] paragraphs, string[] headerFooter)
    {
        var list = paragraphs.Select((p, i) => p switch
        {
            string s => Body(s) with { SourceOrdinal = i },
            RawParagraph r => r with { SourceOrdinal = i },
            _ => throw new ArgumentException("string or RawParagraph expected", nameof(paragraphs)),
        }).ToList();
        return StructureAnalyzer.Analyze(new RawDocument(list, headerFooter, [], [], new RevisionInfo(false, false), []));
    }

    /// <summary>Reads a multi-line string the way pasted text is read (one paragraph per line).</summary>
    public static NormativeDocument Text(string text) => NormativeDocumentReader.FromText(text);

    public static DocParagraph Paragraph(this NormativeDocument document, string startsWith) =>
        document.Paragraphs.First(p => p.Text.TrimStart(' ', '\u3000').StartsWith(startsWith, StringComparison.Ordinal));
}
