using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Filing.Tests.TestSupport;

/// <summary>
/// Real .docx packages built in memory with the Open XML SDK (as the SDK's own tests do), from readable
/// WordprocessingML snippets: the body's inner XML, and optionally numbering, styles, notes, comments and a header.
/// </summary>
public static class Docx
{
    /// <summary>Namespace declarations every snippet may use (w, r, mc, wp, wps, a, v, w10, m, w14).</summary>
    public const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" " +
        "xmlns:w10=\"urn:schemas-microsoft-com:office:word\" " +
        "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" " +
        "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"";

    /// <summary>A package whose body holds one plain paragraph per text.</summary>
    public static MemoryStream FromParagraphs(params string[] texts) =>
        Create(string.Concat(texts.Select(t => $"<w:p><w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(t)}</w:t></w:r></w:p>")));

    /// <summary>A package built from WordprocessingML snippets (inner XML of w:body, w:numbering, w:styles, …).</summary>
    public static MemoryStream Create(
        string bodyXml,
        string? numberingXml = null,
        string? stylesXml = null,
        string? footnotesXml = null,
        string? endnotesXml = null,
        string? commentsXml = null,
        string? headerXml = null,
        string? footerXml = null,
        WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            var sectionReferences = "";
            if (headerXml is not null)
            {
                var header = main.AddNewPart<HeaderPart>();
                header.Header = new Header($"<w:hdr {Namespaces}>{headerXml}</w:hdr>");
                sectionReferences += $"<w:headerReference w:type=\"default\" r:id=\"{main.GetIdOfPart(header)}\"/>";
            }

            if (footerXml is not null)
            {
                var footer = main.AddNewPart<FooterPart>();
                footer.Footer = new Footer($"<w:ftr {Namespaces}>{footerXml}</w:ftr>");
                sectionReferences += $"<w:footerReference w:type=\"default\" r:id=\"{main.GetIdOfPart(footer)}\"/>";
            }

            if (numberingXml is not null)
            {
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering($"<w:numbering {Namespaces}>{numberingXml}</w:numbering>");
            }

            if (stylesXml is not null)
            {
                main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles($"<w:styles {Namespaces}>{stylesXml}</w:styles>");
            }

            if (footnotesXml is not null)
            {
                main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes($"<w:footnotes {Namespaces}>{footnotesXml}</w:footnotes>");
            }

            if (endnotesXml is not null)
            {
                main.AddNewPart<EndnotesPart>().Endnotes = new Endnotes($"<w:endnotes {Namespaces}>{endnotesXml}</w:endnotes>");
            }

            if (commentsXml is not null)
            {
                main.AddNewPart<WordprocessingCommentsPart>().Comments = new Comments($"<w:comments {Namespaces}>{commentsXml}</w:comments>");
            }

            var sectPr = sectionReferences.Length > 0 ? $"<w:sectPr>{sectionReferences}</w:sectPr>" : "";
            main.Document = new Document($"<w:document {Namespaces} mc:Ignorable=\"w14\"><w:body>{bodyXml}{sectPr}</w:body></w:document>");
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>Numbering XML for one abstract list (levels given as <c>w:lvl</c> snippets) used by <c>w:num</c> 1.</summary>
    public static string Numbering(params string[] levels) =>
        $"<w:abstractNum w:abstractNumId=\"1\">{string.Concat(levels)}</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>";

    /// <summary>A <c>w:lvl</c> snippet.</summary>
    public static string Level(int ilvl, string format, string text, int start = 1, string extra = "") =>
        $"<w:lvl w:ilvl=\"{ilvl}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{format}\"/>{extra}<w:lvlText w:val=\"{text}\"/></w:lvl>";

    /// <summary>A paragraph in list <paramref name="numId"/> at level <paramref name="ilvl"/>.</summary>
    public static string ListParagraph(string text, int numId = 1, int ilvl = 0) =>
        $"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{numId}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>";

    /// <summary>A plain paragraph.</summary>
    public static string Paragraph(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";
}
