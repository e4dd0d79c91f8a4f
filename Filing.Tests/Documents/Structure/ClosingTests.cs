using Filing.Core.Documents;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents.Structure;

public class ClosingTests
{
    [Theory]
    [InlineData("各乡镇人民政府、街道办事处，县政府各部门、各直属单位：", new[] { "各乡镇人民政府", "街道办事处", "县政府各部门", "各直属单位" })]
    [InlineData("各乡镇人民政府、街道办事处,县政府各部门、各直属单位:", new[] { "各乡镇人民政府", "街道办事处", "县政府各部门", "各直属单位" })]
    [InlineData("县财政局；县审计局：", new[] { "县财政局", "县审计局" })]
    [InlineData("杭州市人民政府：", new[] { "杭州市人民政府" })]
    public void SplitsRecipients_GivenLineAfterTitle(string line, string[] expected)
    {
        var d = RawDocs.Text($"桐庐县人民政府关于某事的通知\n{line}\n请遵照执行。");

        d.Recipients.Should().Equal(expected);
        d.Paragraphs[1].Role.Should().Be(ParagraphRole.Recipients);
    }

    [Fact]
    public void DoesNotTakePreambleForRecipients_GivenSentenceEndingWithColon()
    {
        var d = RawDocs.Text("""
            桐庐县关于某事的实施意见
            为进一步推进依法行政，根据有关规定，结合我县实际，现提出如下实施意见：
            一、总体要求
            """);

        d.Recipients.Should().BeEmpty();
        d.Paragraphs[1].Role.Should().Be(ParagraphRole.Body);
    }

    [Theory]
    [InlineData("2018年8月6日")]
    [InlineData("二〇一八年八月六日")]
    [InlineData("2018年08月06日")]
    [InlineData("2018.8.6")]
    public void ReadsSignatureAndDate_GivenDateForms(string date)
    {
        var d = RawDocs.Text($"""
            桐庐县人民政府关于某事的通知
            各单位：
            请遵照执行。
            　　　　　　　　桐庐县人民政府
            　　　　　　　　{date}
            （此件公开发布）
            """);

        d.IssuingBody.Should().Be("桐庐县人民政府");
        d.Date.Should().Be(new DateOnly(2018, 8, 6));
        d.Paragraphs.Select(p => p.Role).Should().Equal(
            ParagraphRole.Title, ParagraphRole.Recipients, ParagraphRole.Body, ParagraphRole.Signature, ParagraphRole.Date, ParagraphRole.Remark);
        d.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void JoinsSignatures_GivenJointDocument()
    {
        var d = RawDocs.Text("""
            关于某事的通知
            各单位：
            请遵照执行。
            桐庐县司法局
            桐庐县财政局
            2018年8月6日
            """);

        d.IssuingBody.Should().Be("桐庐县司法局、桐庐县财政局");
    }

    [Fact]
    public void AcceptsDateWithoutSignature_GivenRightAlignedDate()
    {
        var d = RawDocs.Analyze("关于某事的通知", "各单位：", "请遵照执行。", RawDocs.Body("2018年8月6日", "right"), "正文之后的杂项");

        d.Date.Should().Be(new DateOnly(2018, 8, 6));
        d.Paragraphs[3].Role.Should().Be(ParagraphRole.Date);
    }

    [Fact]
    public void KeepsDateInBody_GivenDateLineInsideText()
    {
        var d = RawDocs.Text("""
            关于某事的通知
            一、时间安排
            2018年8月6日
            各单位报送材料。
            二、工作要求
            """);

        d.Date.Should().BeNull();
        d.Paragraphs[2].Should().Match<DocParagraph>(p => p.Role == ParagraphRole.Body && p.Path == "一、");
        d.Outline.Should().HaveCount(2);
    }

    [Fact]
    public void ReadsCopiedToAndPrintLine_GivenColophon()
    {
        var d = RawDocs.Text("""
            关于某事的通知
            各单位：
            请遵照执行。
            桐庐县人民政府
            2018年8月6日
            抄送：县委办，县人大办，县政协办，
            县法院，县检察院。
            桐庐县人民政府办公室　　　　　2018年8月7日印发
            """);

        d.CopiedTo.Should().Equal("县委办", "县人大办", "县政协办", "县法院", "县检察院");
        d.PrintedBy.Should().Be("桐庐县人民政府办公室");
        d.PrintDate.Should().Be(new DateOnly(2018, 8, 7));
        d.Paragraphs[5].Role.Should().Be(ParagraphRole.CopiedTo);
        d.Paragraphs[6].Role.Should().Be(ParagraphRole.CopiedTo);
        d.Paragraphs[7].Role.Should().Be(ParagraphRole.PrintInfo);
        d.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void ReadsColophonFromTableCells_GivenTemplateLayout()
    {
        var d = RawDocs.Analyze(
            "关于某事的通知", "各单位：", "请遵照执行。", "桐庐县人民政府", "2018年8月6日",
            RawDocs.Cell("抄送：县委办，县人大办。", 0, 0, 0),
            RawDocs.Cell("桐庐县人民政府办公室", 0, 1, 0),
            RawDocs.Cell("2018年8月7日印发", 0, 1, 1));

        d.CopiedTo.Should().Equal("县委办", "县人大办");
        d.PrintedBy.Should().Be("桐庐县人民政府办公室");
        d.PrintDate.Should().Be(new DateOnly(2018, 8, 7));
        d.Warnings.Should().BeEmpty();
    }
}
