using Filing.Core.Documents;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents.Structure;

public class OutlineTests
{
    private const string Notice = """
        桐庐县人民政府办公室关于做好行政规范性文件清理工作的通知
        各乡镇人民政府、街道办事处，县政府各部门：
        为做好清理工作，现将有关事项通知如下：
        一、清理范围
        （一）县政府文件。包括以县政府名义印发的文件。
        1.规范性文件；
        （1）现行有效的；
        （2）已经失效的。
        2.其他文件。
        （二）部门文件。
        二、工作要求
        各单位要高度重视。
        附件：1.清理目录
        2.清理意见表
        桐庐县人民政府办公室
        2018年9月1日
        """;

    private static readonly NormativeDocument Document = RawDocs.Text(Notice);

    [Fact]
    public void NestsFourLevels_GivenNotice()
    {
        Document.Form.Should().Be(DocumentForm.Outline);
        Document.Outline.Select(n => (n.Label, n.Heading, n.Path)).Should().Equal(("一、", "清理范围", "一、"), ("二、", "工作要求", "二、"));
        var first = Document.Outline[0].Children;
        first.Select(n => (n.Label, n.Heading, n.Path, n.Level)).Should().Equal(
            ("（一）", "县政府文件", "一、（一）", 2),
            ("（二）", "部门文件", "一、（二）", 2));
        first[0].Children.Select(n => (n.Path, n.Heading)).Should().Equal(("一、（一）1.", "规范性文件"), ("一、（一）2.", "其他文件"));
        first[0].Children[0].Children.Select(n => (n.Path, n.Level)).Should().Equal(("一、（一）1.（1）", 4), ("一、（一）1.（2）", 4));
    }

    [Fact]
    public void GivesBodyParagraphsTheirSectionPath()
    {
        Document.Paragraph("各单位要高度重视").Should().Match<DocParagraph>(p => p.Path == "二、" && p.Role == ParagraphRole.Body);
        Document.Paragraph("为做好清理工作").Path.Should().BeNull();
        Document.Paragraph("二、").Role.Should().Be(ParagraphRole.Heading);
    }

    [Fact]
    public void ReadsClosingWithoutMistakingNoteItemsForHeadings()
    {
        Document.Attachments.Select(a => (a.Number, a.Title)).Should().Equal((1, "清理目录"), (2, "清理意见表"));
        Document.Paragraph("2.清理意见表").Role.Should().Be(ParagraphRole.AttachmentNote);
        Document.IssuingBody.Should().Be("桐庐县人民政府办公室");
        Document.Date.Should().Be(new DateOnly(2018, 9, 1));
        Document.DocumentType.Should().Be("通知");
    }

    [Theory]
    [InlineData("（一）指导思想。高举伟大旗帜，全面贯彻精神。", "指导思想")]
    [InlineData("一、总体要求", "总体要求")]
    [InlineData("（二）主要任务：", "主要任务")]
    [InlineData("一、坚持依法行政，建设法治政府", "坚持依法行政，建设法治政府")]
    [InlineData("1.加强组织领导。", "加强组织领导")]
    [InlineData("1.各单位要高度重视，认真组织实施。", "")]
    [InlineData("（三）这是一个很长很长的句子没有句号而且一直延续下去超过了四十个字符的长度限制所以它不是标题而是正文内容", "")]
    [InlineData("（四）这是一个相当长的开头句子超过了三十个字符的长度限制所以不能当作标题。后面还有内容。", "")]
    public void ExtractsHeading_GivenLabelledParagraph(string text, string heading)
    {
        var d = RawDocs.Text(text);

        d.Outline.Single().Heading.Should().Be(heading);
    }

    [Fact]
    public void WarnsAboutGap_GivenMissingHeading()
    {
        var d = RawDocs.Text("""
            某县关于某事的意见
            一、甲
            三、乙
            """);

        d.Warnings.Should().ContainSingle(w => w.Code == "number-gap" && w.Path == "三、");
    }

    [Fact]
    public void StartsAnywhere_GivenPassageWithoutTitle()
    {
        var d = RawDocs.Text("""
            （三）加强行政规范性文件监督。严格执行有关规定。
            1.落实公平竞争审查。
            """);

        d.Warnings.Should().BeEmpty();
        d.Paragraphs[1].Path.Should().Be("（三）1.");
    }

    [Fact]
    public void DoesNotReadDecimalsAsLabels()
    {
        var d = RawDocs.Text("""
            一、标准
            1.5倍以上的，从重处理。
            """);

        d.Paragraphs[1].Should().Match<DocParagraph>(p => p.Label == null && p.Path == "一、" && p.Role == ParagraphRole.Body);
    }

    [Fact]
    public void KeepsTablesInSection_GivenNumberedCellsUnderHeading()
    {
        var d = RawDocs.Analyze(
            "一、任务分工",
            RawDocs.Cell("1", 0, 0, 0),
            RawDocs.Cell("二、不是标题", 0, 0, 1),
            "二、保障措施");

        d.Outline.Select(n => n.Label).Should().Equal("一、", "二、");
        d.Paragraphs[2].Should().Match<DocParagraph>(p => p.Path == "一、" && p.Role == ParagraphRole.Body && p.Source == ParagraphSource.TableCell);
    }
}
