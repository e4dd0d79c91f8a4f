using Filing.Core.Documents;
using Filing.Core.Documents.Reading;
using static Filing.Tests.TestSupport.Docx;

namespace Filing.Tests.Documents.Reading;

public class OoxmlRevisionTests
{
    private static RawDocument Read(Stream docx) => NormativeDocumentReader.ReadRaw(docx, DocumentReaderOptions.Default);

    private const string Author = "w:id=\"1\" w:author=\"张三\" w:date=\"2024-01-01T00:00:00Z\"";

    [Fact]
    public void ShowsAcceptedView_GivenInsertionsAndDeletions()
    {
        using var docx = Create($"<w:p><w:r><w:t>有效期</w:t></w:r><w:del {Author}><w:r><w:delText>三</w:delText></w:r></w:del>"
            + $"<w:ins {Author}><w:r><w:t>五</w:t></w:r></w:ins><w:r><w:t>年</w:t></w:r></w:p>");

        var raw = Read(docx);

        raw.Paragraphs.Single().Text.Should().Be("有效期五年");
        raw.Revisions.HasTrackedChanges.Should().BeTrue();
    }

    [Fact]
    public void KeepsMoveToAndDropsMoveFrom_GivenMovedText()
    {
        using var docx = Create($"<w:p><w:moveFrom {Author}><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:r><w:t>正文</w:t></w:r>"
            + $"<w:moveTo {Author}><w:r><w:t>移来</w:t></w:r></w:moveTo></w:p>");

        Read(docx).Paragraphs.Single().Text.Should().Be("正文移来");
    }

    [Fact]
    public void MergesWithNextParagraph_GivenDeletedParagraphMark()
    {
        using var docx = Create($"<w:p><w:pPr><w:rPr><w:del {Author}/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p>"
            + Paragraph("后半") + Paragraph("下一段"));

        var paragraphs = Read(docx).Paragraphs;

        paragraphs.Select(p => p.Text).Should().Equal("前半后半", "下一段");
        paragraphs[0].SourceOrdinal.Should().Be(0);
        paragraphs[1].SourceOrdinal.Should().Be(2);
    }

    [Fact]
    public void RemovesWholeParagraphAndItsNumber_GivenDeletedContentAndMark()
    {
        var numbering = Numbering(Level(0, "chineseCounting", "第%1条", extra: "<w:suff w:val=\"nothing\"/>"));
        var deleted = $"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:rPr><w:del {Author}/></w:rPr></w:pPr>"
            + $"<w:del {Author}><w:r><w:delText>删除的条文</w:delText></w:r></w:del></w:p>";
        using var docx = Create(ListParagraph("甲") + deleted + ListParagraph("乙"), numbering);

        var paragraphs = Read(docx).Paragraphs;

        paragraphs.Select(p => p.Text).Should().Equal("第一条甲", "第二条乙");
        paragraphs[1].SourceOrdinal.Should().Be(2, "the surviving paragraph mark is the third w:p");
    }

    [Fact]
    public void IgnoresFormattingRevisions_ButReportsThem()
    {
        using var docx = Create($"<w:p><w:pPr><w:jc w:val=\"center\"/><w:pPrChange {Author}><w:pPr><w:jc w:val=\"left\"/></w:pPr></w:pPrChange></w:pPr>"
            + $"<w:r><w:rPr><w:b/><w:rPrChange {Author}><w:rPr/></w:rPrChange></w:rPr><w:t>标题</w:t></w:r></w:p>");

        var raw = Read(docx);

        raw.Paragraphs.Single().Text.Should().Be("标题");
        raw.Paragraphs.Single().Alignment.Should().Be("center");
        raw.Revisions.HasTrackedChanges.Should().BeTrue();
    }

    [Fact]
    public void DropsRow_GivenDeletedTableRow()
    {
        using var docx = Create("<w:tbl><w:tr><w:tc>" + Paragraph("保留") + $"</w:tc></w:tr><w:tr><w:trPr><w:del {Author}/></w:trPr><w:tc>"
            + Paragraph("删除") + "</w:tc></w:tr><w:tr><w:tc>" + Paragraph("末行") + "</w:tc></w:tr></w:tbl>");

        var paragraphs = Read(docx).Paragraphs;

        paragraphs.Select(p => (p.Text, p.Table!.Row)).Should().Equal(("保留", 0), ("末行", 1));
        paragraphs.Select(p => p.SourceOrdinal).Should().Equal(0, 2);
    }

    [Fact]
    public void ReportsNoRevisions_GivenCleanDocument()
    {
        using var docx = FromParagraphs("正文");

        Read(docx).Revisions.Should().Be(new RevisionInfo(false, false));
    }
}
