using Filing.Core.Documents;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents.Structure;

/// <summary>The originating Tonglu document, pasted as copied from the web page.</summary>
public class SeedTextTests
{
    private static readonly string Source = File.ReadAllText(RepoRoot.Path("Filing.Tests", "Documents", "Fixtures", "tonglu-2018-47-web-copy.txt"));
    private static readonly NormativeDocument Document = NormativeDocumentReader.FromText(Source);

    [Fact]
    public void ReadsHeaderElements_GivenWebCopy()
    {
        Document.Title.Should().Be("桐庐县人民政府关于印发《桐庐县深化法治政府建设实施意见(2018-2020年)》的通知");
        Document.EnclosedTitle.Should().Be("桐庐县深化法治政府建设实施意见(2018-2020年)");
        Document.DocumentType.Should().Be("实施意见");
        Document.DocumentNumber.Should().BeEquivalentTo(new { Text = "桐政发〔2018〕47号", Raw = "桐政发(2018)47", IssuerCode = "桐政发", Year = 2018, Sequence = 47, WellFormed = false });
        Document.IssuingBody.Should().Be("桐庐县人民政府");
        Document.Date.Should().Be(new DateOnly(2018, 8, 6));
        Document.Recipients.Should().Equal("各乡镇人民政府", "街道办事处", "县政府各部门", "各直属单位");
    }

    [Fact]
    public void OutlinesEnclosedOpinion_GivenWebCopy()
    {
        Document.Form.Should().Be(DocumentForm.Outline);
        Document.Outline.Select(n => (n.Label, n.Heading)).Should().Equal(("一、", "总体要求"), ("二、", "主要目标和任务"), ("三、", "组织保障和落实机制"));
        Document.Outline.Select(n => n.Children.Count).Should().Equal(3, 8, 5);
        Document.Outline[1].Children[2].Should().Match<OutlineNode>(n => n.Path == "二、（三）" && n.Heading == "加强行政规范性文件监督");
        Document.Paragraph("桐庐县深化法治政府建设实施意见").Role.Should().Be(ParagraphRole.EnclosedTitle);
        Document.Paragraph("为进一步推进依法行政").Should().Match<DocParagraph>(p => p.Role == ParagraphRole.Body && p.Path == null);
        Document.Paragraph("现将《").Should().Match<DocParagraph>(p => p.Role == ParagraphRole.Body && p.Path == null);
    }

    [Fact]
    public void ReportsWhatItCouldNotPlace_GivenWebCopy()
    {
        Document.Attachments.Should().Equal(new Attachment(1, "桐庐县2018年法治政府建设工作要点", null));
        Document.Warnings.Select(w => w.Code).Should().Contain(["attachment-body-missing", "malformed-document-number", "unplaced-text"]);
        var unplaced = Document.Warnings.Where(w => w.Code == "unplaced-text").Select(w => w.Path).ToList();
        var headerBlock = Document.Paragraphs.Where(p => p.Role == ParagraphRole.HeaderBlock).Select(p => $"paragraphs[{p.Index}]");
        unplaced.Should().HaveCount(7).And.BeSubsetOf(headerBlock, "only the web-page furniture above the title is unplaced");
        Document.Validity.Should().Be(Validity.None);
    }

    [Fact]
    public void KeepsEveryCharacterAtItsOffset_GivenWebCopy()
    {
        var lines = Source.ReplaceLineEndings("\n").Split('\n');

        Document.Paragraphs.Select(p => p.Text).Should().Equal(lines);
        Document.Text.Should().Be(string.Join('\n', lines));
        foreach (var p in Document.Paragraphs)
        {
            Document.Text.Substring(p.Offset, p.Text.Length).Should().Be(p.Text);
            p.Index.Should().Be(Document.Paragraphs.ToList().IndexOf(p));
        }
    }
}
