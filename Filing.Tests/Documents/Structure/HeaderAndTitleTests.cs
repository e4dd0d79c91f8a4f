using Filing.Core.Documents;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents.Structure;

public class HeaderAndTitleTests
{
    [Fact]
    public void ReadsEveryHeaderElement_GivenGbT9704Header()
    {
        var d = RawDocs.Text("""
            000023
            秘密★1年
            特急
            桐庐县人民政府文件
            桐政发〔2018〕47号　　　　签发人：张　三　李四
            ────────────────
            桐庐县人民政府关于印发《桐庐县行政规范性文件管理办法》的通知
            各乡镇人民政府、街道办事处，县政府各部门、各直属单位：
            现将《桐庐县行政规范性文件管理办法》印发给你们，请认真贯彻执行。
            桐庐县人民政府
            2018年8月6日
            """);

        d.Header.Should().BeEquivalentTo(new DocumentHeader("000023", "秘密★1年", "特急", "桐庐县人民政府文件", ["张三", "李四"]));
        d.DocumentNumber!.Text.Should().Be("桐政发〔2018〕47号");
        d.DocumentNumber.WellFormed.Should().BeTrue();
        d.Paragraphs[4].Role.Should().Be(ParagraphRole.DocumentNumber);
        d.Paragraphs[0].Role.Should().Be(ParagraphRole.HeaderBlock);
        d.Paragraphs[5].Role.Should().Be(ParagraphRole.Empty);
        d.Title.Should().Be("桐庐县人民政府关于印发《桐庐县行政规范性文件管理办法》的通知");
        d.EnclosedTitle.Should().Be("桐庐县行政规范性文件管理办法");
        d.DocumentType.Should().Be("办法");
        d.Warnings.Select(w => w.Code).Should().Equal("enclosed-document-missing");
    }

    [Theory]
    [InlineData("桐政发[2018]47号")]
    [InlineData("桐政发（2018）47号")]
    [InlineData("桐政发【2018】第47号")]
    [InlineData("桐政发〔18〕047号")]
    public void NormalisesAndWarns_GivenMalformedNumberInHeader(string number)
    {
        var d = RawDocs.Text($"""
            桐庐县人民政府文件
            {number}
            桐庐县人民政府关于加强某项工作的通知
            """);

        d.DocumentNumber!.Text.Should().Be("桐政发〔2018〕47号");
        d.DocumentNumber.Raw.Should().Be(number);
        d.Warnings.Should().ContainSingle(w => w.Code == "malformed-document-number");
    }

    [Fact]
    public void FindsNumberInHeaderFooter_GivenNoneInBody()
    {
        var d = RawDocs.Analyze(["桐庐县人民政府关于加强某项工作的通知", "各单位：", "请遵照执行。"], ["桐政办发[2019]3号", "第 1 页"]);

        d.DocumentNumber!.Text.Should().Be("桐政办发〔2019〕3号");
        d.DocumentNumber.WellFormed.Should().BeFalse();
    }

    [Fact]
    public void FindsNumberUnderTitle_GivenGazetteLayout()
    {
        var d = RawDocs.Text("""
            桐庐县行政规范性文件管理办法
            （桐政发〔2018〕47号）
            第一条　为了规范管理，制定本办法。
            """);

        d.DocumentNumber!.Text.Should().Be("桐政发〔2018〕47号");
        d.Paragraphs[1].Role.Should().Be(ParagraphRole.DocumentNumber);
        d.Articles.Should().ContainSingle();
    }

    [Fact]
    public void JoinsTitle_GivenTitleSplitOverParagraphs()
    {
        var d = RawDocs.Text("""
            桐庐县人民政府关于印发《桐庐县深化法治政府
            建设实施意见（2018-2020年）》的通知
            各乡镇人民政府：
            """);

        d.Title.Should().Be("桐庐县人民政府关于印发《桐庐县深化法治政府建设实施意见（2018-2020年）》的通知");
        d.EnclosedTitle.Should().Be("桐庐县深化法治政府建设实施意见（2018-2020年）");
        d.DocumentType.Should().Be("实施意见");
        d.Paragraphs.Take(2).Should().OnlyContain(p => p.Role == ParagraphRole.Title);
        d.Recipients.Should().Equal("各乡镇人民政府");
    }

    [Fact]
    public void JoinsTitle_GivenFirstLineEndingWithWenJian()
    {
        var d = RawDocs.Text("""
            青溪县人民政府文件
            青政发〔2020〕40号
            青溪县人民政府关于进一步加强行政规范性文件
            备案审查和清理工作的通知
            各乡镇人民政府：
            """);

        d.Title.Should().Be("青溪县人民政府关于进一步加强行政规范性文件备案审查和清理工作的通知");
        d.Header.IssuerMark.Should().Be("青溪县人民政府文件");
    }

    [Fact]
    public void JoinsTitle_GivenManualLineBreak()
    {
        var d = RawDocs.Analyze("桐庐县人民政府关于印发\n《桐庐县行政规范性文件管理办法》的通知", "各单位：");

        d.Title.Should().Be("桐庐县人民政府关于印发《桐庐县行政规范性文件管理办法》的通知");
        d.Paragraphs[0].Text.Should().Contain("\n", "paragraph text is kept exactly");
    }

    [Fact]
    public void KeepsIssuerMarkOutOfTitle_GivenLargerMarkWithoutFileSuffix()
    {
        var d = RawDocs.Analyze(
            RawDocs.Body("桐庐县人民政府办公室", "center", size: 72),
            RawDocs.Body("关于做好某项工作的通知", "center", size: 44),
            RawDocs.Body("各乡镇人民政府："));

        d.Title.Should().Be("关于做好某项工作的通知");
        d.Header.IssuerMark.Should().Be("桐庐县人民政府办公室");
        d.IssuingBody.Should().Be("桐庐县人民政府办公室");
    }

    [Fact]
    public void JoinsQualifierLine_GivenTrialMarkOnItsOwnLine()
    {
        var d = RawDocs.Text("""
            桐庐县行政规范性文件管理办法
            （试行）
            第一条　为了规范管理，制定本办法。
            """);

        d.Title.Should().Be("桐庐县行政规范性文件管理办法（试行）");
        d.DocumentType.Should().Be("办法");
    }

    [Theory]
    [InlineData("关于转发《浙江省人民政府办公厅关于加强行政规范性文件管理的通知》的通知", "浙江省人民政府办公厅关于加强行政规范性文件管理的通知", "通知")]
    [InlineData("关于印发桐庐县公共资源交易管理暂行办法的通知", "桐庐县公共资源交易管理暂行办法", "办法")]
    [InlineData("桐庐县人民政府关于进一步规范行政规范性文件发布工作的通知", null, "通知")]
    [InlineData("青溪县人民政府办公室关于公布2020年度县级行政规范性文件制定计划的通知", null, "通知")]
    [InlineData("关于公布《桐庐县行政规范性文件目录》的通知", "桐庐县行政规范性文件目录", "目录")]
    [InlineData("桐庐县人民政府关于加快发展现代农业的若干意见", null, "意见")]
    [InlineData("桐庐县促进民营经济高质量发展实施细则", null, "细则")]
    [InlineData("桐庐县国土空间总体规划实施方案（2021-2035年）", null, "方案")]
    [InlineData("青溪县人民政府办公室关于印发《青溪县重大行政决策合法性审查工作规程》的通知", "青溪县重大行政决策合法性审查工作规程", "规程")]
    public void ReadsEnclosedTitleAndDocumentType(string title, string? enclosed, string type)
    {
        var d = RawDocs.Text(title);

        d.Title.Should().Be(title);
        d.EnclosedTitle.Should().Be(enclosed);
        d.DocumentType.Should().Be(type);
    }

    [Theory]
    [InlineData("各单位要按照本通知要求认真执行。")]
    [InlineData("第三条　本办法所称规范性文件。")]
    [InlineData("本办法由县司法局负责解释")]
    public void FindsNoTitle_GivenPassage(string text)
    {
        var d = RawDocs.Text(text);

        d.Title.Should().BeNull();
        d.Paragraphs.Single().Role.Should().NotBe(ParagraphRole.Title);
    }

    [Fact]
    public void TakesIssuingBodyFromTitle_GivenNoSignatureOrMark()
    {
        var d = RawDocs.Text("桐庐县人民政府关于加强某项工作的意见");

        d.IssuingBody.Should().Be("桐庐县人民政府");
    }
}
