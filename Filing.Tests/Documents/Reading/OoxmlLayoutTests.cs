using Filing.Core.Documents;
using Filing.Core.Documents.Reading;
using static Filing.Tests.TestSupport.Docx;

namespace Filing.Tests.Documents.Reading;

public class OoxmlLayoutTests
{
    private static RawDocument Read(Stream docx) => NormativeDocumentReader.ReadRaw(docx, DocumentReaderOptions.Default);

    private static string TextBoxRun(string content, bool withFallback = true) =>
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><wp:docPr id=\"1\" name=\"t\"/><a:graphic>"
        + "<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:txbx><w:txbxContent>"
        + content + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        + (withFallback ? "<mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>" + content + "</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback>" : "")
        + "</mc:AlternateContent></w:r>";

    [Fact]
    public void ReadsTextBoxOnceAfterItsAnchor_GivenAlternateContentWithVmlFallback()
    {
        using var docx = Create($"<w:p><w:r><w:t>锚段</w:t></w:r>{TextBoxRun(Paragraph("框内一") + Paragraph("框内二"))}<w:r><w:t>续</w:t></w:r></w:p>"
            + Paragraph("下一段"));
        Filing.Tests.TestSupport.Packages.EntryText(docx, "word/document.xml").Should().Contain("mc:Fallback", "the VML copy must be in the file for this test to mean anything");

        var paragraphs = Read(docx).Paragraphs;

        paragraphs.Select(p => (p.Text, p.Source)).Should().Equal(
            ("锚段续", ParagraphSource.Body), ("框内一", ParagraphSource.TextBox), ("框内二", ParagraphSource.TextBox), ("下一段", ParagraphSource.Body));
    }

    [Fact]
    public void ReadsVmlTextBoxOnce_GivenPictWithoutAlternateContent()
    {
        using var docx = Create("<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + Paragraph("旧式文本框")
            + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>");

        Read(docx).Paragraphs.Select(p => p.Text).Should().Equal("", "旧式文本框");
    }

    [Fact]
    public void ReadsNestedTextBoxAfterItsOwnAnchor_GivenTextBoxInTextBox()
    {
        var inner = $"<w:p><w:r><w:t>外框</w:t></w:r>{TextBoxRun(Paragraph("内框"))}</w:p>";
        using var docx = Create($"<w:p><w:r><w:t>正文</w:t></w:r>{TextBoxRun(inner)}</w:p>" + Paragraph("尾"));

        Read(docx).Paragraphs.Select(p => p.Text).Should().Equal("正文", "外框", "内框", "尾");
    }

    [Fact]
    public void ReadsRowByRowWithMergedCellsOnce_GivenGridSpanAndVMerge()
    {
        using var docx = Create("<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + Paragraph("AB") + "</w:tc>"
            + "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" + Paragraph("C") + "</w:tc></w:tr>"
            + "<w:tr><w:tc>" + Paragraph("A2") + "</w:tc><w:tc>" + Paragraph("B2") + "</w:tc>"
            + "<w:tc><w:tcPr><w:vMerge/></w:tcPr>" + Paragraph("") + "</w:tc></w:tr>"
            + "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc>" + Paragraph("B3") + "</w:tc><w:tc>" + Paragraph("C3") + "</w:tc></w:tr>"
            + "</w:tbl>" + Paragraph("表后"));

        var paragraphs = Read(docx).Paragraphs;

        paragraphs.Select(p => p.Text).Should().Equal("AB", "C", "A2", "B2", "B3", "C3", "表后");
        paragraphs.Take(6).Select(p => (p.Table!.Row, p.Table.Column)).Should().Equal((0, 0), (0, 2), (1, 0), (1, 1), (2, 1), (2, 2));
        paragraphs.Take(6).Should().OnlyContain(p => p.Source == ParagraphSource.TableCell && p.Table!.Table == 0);
        paragraphs[^1].Table.Should().BeNull();
        paragraphs[^1].SourceOrdinal.Should().Be(7, "the merged-away cell's empty paragraph still counts");
    }

    [Fact]
    public void ReadsNestedTableInPlace_GivenTableInCell()
    {
        using var docx = Create("<w:tbl><w:tr><w:tc>" + Paragraph("外")
            + "<w:tbl><w:tr><w:tc>" + Paragraph("内1") + "</w:tc><w:tc>" + Paragraph("内2") + "</w:tc></w:tr></w:tbl>" + Paragraph("")
            + "</w:tc><w:tc>" + Paragraph("右") + "</w:tc></w:tr></w:tbl>" + "<w:tbl><w:tr><w:tc>" + Paragraph("二表") + "</w:tc></w:tr></w:tbl>");

        var paragraphs = Read(docx).Paragraphs;

        paragraphs.Select(p => (p.Text, p.Table!.Table, p.Table.Column)).Should().Equal(
            ("外", 0, 0), ("内1", 1, 0), ("内2", 1, 1), ("", 0, 0), ("右", 0, 1), ("二表", 2, 0));
    }

    [Fact]
    public void CarriesStyleFacts_GivenStylesAndDirectFormatting()
    {
        var styles = """
            <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:basedOn w:val="Title"/></w:style>
            <w:style w:type="character" w:styleId="Small"><w:name w:val="Small"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>
            """;
        using var docx = Create(
            "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>关于印发的通知</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:pStyle w:val=\"Sub\"/><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t>副标题</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>正文正文正文</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Small\"/></w:rPr><w:t>注</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:rPr><w:sz w:val=\"28\"/></w:rPr></w:pPr></w:p>",
            stylesXml: styles);

        var paragraphs = Read(docx).Paragraphs;

        paragraphs.Select(p => (p.StyleId, p.StyleName, p.Alignment, p.OutlineLevel, p.FontSizeHalfPoints, p.Bold)).Should().Equal(
            ("Title", "Title", "center", 0, 44, true),
            ("Sub", "Sub", "right", 0, 44, false),
            ("Normal", "Normal", "both", null, 32, false),
            ("Normal", "Normal", "both", null, 28, false));
    }
}
