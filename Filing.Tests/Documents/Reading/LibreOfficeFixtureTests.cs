using Filing.Core.Documents;
using Filing.Core.Documents.Reading;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents.Reading;

/// <summary>
/// Files written by a real office suite (LibreOffice 7.4, from Fixtures/features.fodt via Fixtures/build.sh): the
/// reader must agree with what LibreOffice itself shows.
/// </summary>
public class LibreOfficeFixtureTests
{
    private static Stream Fixture(string name) => File.OpenRead(RepoRoot.Path("Filing.Tests", "Documents", "Reading", "Fixtures", name));

    private static RawDocument ReadFeatures()
    {
        using var file = Fixture("features.docx");
        return NormativeDocumentReader.ReadRaw(file, DocumentReaderOptions.Default);
    }

    [Fact]
    public void RendersAutomaticNumbering_GivenLibreOfficeLists()
    {
        var texts = ReadFeatures().Paragraphs.Select(p => p.Text).ToList();

        texts.Should().ContainInOrder("第一条条文1", "第十条条文10", "第十一条条文11", "第二十五条条文25", "第二十六条有项", "（一）项一", "（二）项二");
        texts.Should().ContainInOrder("壹、大写1", "壹拾、大写10", "贰拾贰、大写22", "甲.天干1", "癸.天干10", "①.圈1", "⑳.圈20", "㉒.圈22");
    }

    [Fact]
    public void ShowsAcceptedViewAndFlagsRevisions_GivenTrackedChanges()
    {
        var raw = ReadFeatures();

        raw.Paragraphs.Select(p => p.Text).Should().Contain("插入新增文字结束").And.NotContain(t => t.Contains("删除的文字"));
        raw.Revisions.Should().Be(new RevisionInfo(true, true));
    }

    [Fact]
    public void ReadsTextBoxOnceMergedCellsOnceAndLineBreaks_GivenLibreOfficeLayout()
    {
        var paragraphs = ReadFeatures().Paragraphs;

        paragraphs.Count(p => p.Text == "文本框内容").Should().Be(1, "LibreOffice writes the box twice: DrawingML and VML");
        paragraphs.Single(p => p.Text == "文本框内容").Source.Should().Be(ParagraphSource.TextBox);
        paragraphs.Where(p => p.Source == ParagraphSource.TableCell).Select(p => p.Text).Should().Equal("合并AB", "合并C", "A2", "B2");
        paragraphs[0].Text.Should().Be("标题\n第二行");
    }

    [Fact]
    public void KeepsNotesCommentsAndHeaderApart_GivenLibreOfficeStories()
    {
        var raw = ReadFeatures();

        raw.Notes.Should().Equal(new Note("footnote", "2", "脚注内容"));
        raw.Comments.Should().Equal(new Note("comment", "0", "批注内容", "李四"));
        raw.HeaderFooterText.Should().Equal("桐政发〔2018〕47号", "页脚");
        raw.Paragraphs.Should().NotContain(p => p.Text.Contains("脚注内容") || p.Text.Contains("批注内容") || p.Text.Contains("桐政发"));
    }

    [Theory]
    [InlineData("features.doc", DocumentErrorCode.LegacyDocFormat, "application/msword")]
    [InlineData("features.pdf", DocumentErrorCode.UnsupportedMediaType, "application/pdf")]
    [InlineData("features.odt", DocumentErrorCode.UnsupportedMediaType, "application/vnd.oasis.opendocument.text")]
    [InlineData("features.fodt", DocumentErrorCode.UnsupportedMediaType, "application/vnd.oasis.opendocument.text-flat-xml")]
    public void RefusesByContent_GivenSameTextInOtherFormats(string fixture, DocumentErrorCode code, string detected)
    {
        using var file = Fixture(fixture);

        var act = () => NormativeDocumentReader.Read(file);

        var refusal = act.Should().Throw<DocumentReadException>().Which;
        refusal.Code.Should().Be(code);
        refusal.DetectedType.Should().Be(detected);
    }
}
