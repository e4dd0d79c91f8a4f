using Filing.Core.Documents;
using Filing.Core.Documents.Reading;
using static Filing.Tests.TestSupport.Docx;

namespace Filing.Tests.Documents.Reading;

public class OoxmlStoriesTests
{
    private static RawDocument Read(Stream docx) => NormativeDocumentReader.ReadRaw(docx, DocumentReaderOptions.Default);

    [Fact]
    public void KeepsFootnotesAndEndnotesApart_GivenNotesAndSeparators()
    {
        var footnotes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:tab/><w:t>依据《立法法》。</w:t></w:r></w:p></w:footnote>";
        var endnotes = "<w:endnote w:id=\"1\"><w:p><w:r><w:t>尾注一</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:endnote>";
        using var docx = Create("<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>",
            footnotesXml: footnotes, endnotesXml: endnotes);

        var raw = Read(docx);

        raw.Paragraphs.Single().Text.Should().Be("正文");
        raw.Notes.Should().Equal(new Note("footnote", "1", "依据《立法法》。"), new Note("endnote", "1", "尾注一\n第二段"));
    }

    [Fact]
    public void KeepsCommentsWithAuthorApart_GivenCommentRanges()
    {
        var comments = "<w:comment w:id=\"0\" w:author=\"李四\" w:initials=\"LS\"><w:p><w:r><w:t>请核实有效期。</w:t></w:r></w:p></w:comment>";
        using var docx = Create("<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>有效期五年</w:t></w:r><w:commentRangeEnd w:id=\"0\"/>"
            + "<w:r><w:commentReference w:id=\"0\"/></w:r></w:p>", commentsXml: comments);

        var raw = Read(docx);

        raw.Paragraphs.Single().Text.Should().Be("有效期五年");
        raw.Comments.Should().Equal(new Note("comment", "0", "请核实有效期。", "李四"));
        raw.Revisions.HasComments.Should().BeTrue();
    }

    [Fact]
    public void KeepsHeaderAndFooterApartDeduplicated_GivenReferencedParts()
    {
        using var docx = Create(Paragraph("正文"),
            headerXml: Paragraph("桐政发〔2018〕47号") + Paragraph("") + Paragraph("桐政发〔2018〕47号"),
            footerXml: "<w:p><w:r><w:t>第</w:t></w:r><w:fldSimple w:instr=\"PAGE\"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r></w:p>");

        var raw = Read(docx);

        raw.Paragraphs.Select(p => p.Text).Should().Equal("正文");
        raw.HeaderFooterText.Should().Equal("桐政发〔2018〕47号", "第1页");
    }
}
