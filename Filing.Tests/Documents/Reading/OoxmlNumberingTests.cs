using Filing.Core.Documents;
using Filing.Core.Documents.Reading;
using static Filing.Tests.TestSupport.Docx;

namespace Filing.Tests.Documents.Reading;

public class OoxmlNumberingTests
{
    private static RawDocument Read(Stream docx) => NormativeDocumentReader.ReadRaw(docx, DocumentReaderOptions.Default);

    private static string[] Texts(Stream docx) => [.. Read(docx).Paragraphs.Select(p => p.Text)];

    [Theory]
    [InlineData("chineseCounting", "第%1条", "第一条")]
    [InlineData("chineseCountingThousand", "第%1条", "第一条")]
    [InlineData("taiwaneseCountingThousand", "第%1条", "第一条")]
    [InlineData("chineseLegalSimplified", "%1、", "壹、")]
    [InlineData("ideographTraditional", "%1.", "甲.")]
    [InlineData("ideographZodiac", "%1.", "子.")]
    [InlineData("japaneseCounting", "%1.", "一.")]
    [InlineData("taiwaneseCounting", "%1.", "一.")]
    [InlineData("decimal", "%1.", "1.")]
    [InlineData("decimalZero", "%1.", "01.")]
    [InlineData("decimalFullWidth", "%1.", "１.")]
    [InlineData("decimalEnclosedCircle", "%1", "①")]
    [InlineData("decimalEnclosedCircleChinese", "%1", "①")]
    [InlineData("upperLetter", "%1)", "A)")]
    [InlineData("lowerLetter", "%1)", "a)")]
    [InlineData("upperRoman", "%1.", "I.")]
    [InlineData("lowerRoman", "%1.", "i.")]
    [InlineData("chineseCountingThousand", "（%1）", "（一）")]
    public void RendersLabelIntoText_GivenNumberFormat(string format, string lvlText, string label)
    {
        using var docx = Create(ListParagraph("内容"), Numbering(Level(0, format, lvlText, extra: "<w:suff w:val=\"nothing\"/>")));

        var paragraph = Read(docx).Paragraphs.Single();

        paragraph.Text.Should().Be(label + "内容");
        paragraph.GeneratedPrefixLength.Should().Be(label.Length);
    }

    [Theory]
    [InlineData(null, "第一条\t内容")]
    [InlineData("tab", "第一条\t内容")]
    [InlineData("space", "第一条 内容")]
    [InlineData("nothing", "第一条内容")]
    public void AppendsSuffix_GivenSuff(string? suffix, string expected)
    {
        var suff = suffix is null ? "" : $"<w:suff w:val=\"{suffix}\"/>";
        using var docx = Create(ListParagraph("内容"), Numbering(Level(0, "chineseCounting", "第%1条", extra: suff)));

        var paragraph = Read(docx).Paragraphs.Single();

        paragraph.Text.Should().Be(expected);
        paragraph.GeneratedPrefixLength.Should().Be(expected.Length - 2);
    }

    [Fact]
    public void CountsOnAndRestartsLowerLevels_GivenMultiLevelList()
    {
        var numbering = Numbering(
            Level(0, "chineseCountingThousand", "%1、"),
            Level(1, "chineseCountingThousand", "（%2）"),
            Level(2, "decimal", "%3."));
        using var docx = Create(
            ListParagraph("总体要求", ilvl: 0) + ListParagraph("指导思想", ilvl: 1) + ListParagraph("要点", ilvl: 2) + ListParagraph("要点", ilvl: 2)
            + ListParagraph("总体目标", ilvl: 1) + ListParagraph("要点", ilvl: 2)
            + ListParagraph("主要任务", ilvl: 0) + ListParagraph("依法履职", ilvl: 1),
            numbering);

        Texts(docx).Should().Equal(
            "一、\t总体要求", "（一）\t指导思想", "1.\t要点", "2.\t要点", "（二）\t总体目标", "1.\t要点", "二、\t主要任务", "（一）\t依法履职");
    }

    [Fact]
    public void StartsAtStartValue_GivenStart()
    {
        using var docx = Create(ListParagraph("a") + ListParagraph("b"), Numbering(Level(0, "chineseCounting", "第%1条", start: 9, extra: "<w:suff w:val=\"nothing\"/>")));

        Texts(docx).Should().Equal("第九条a", "第十条b");
    }

    [Fact]
    public void KeepsCountingAcrossChapters_GivenLvlRestartZero()
    {
        var numbering = Numbering(
            Level(0, "chineseCounting", "第%1章", extra: "<w:suff w:val=\"space\"/>"),
            Level(1, "chineseCounting", "第%2条", extra: "<w:suff w:val=\"space\"/><w:lvlRestart w:val=\"0\"/>"));
        using var docx = Create(
            ListParagraph("总则", ilvl: 0) + ListParagraph("a", ilvl: 1) + ListParagraph("b", ilvl: 1)
            + ListParagraph("附则", ilvl: 0) + ListParagraph("c", ilvl: 1),
            numbering);

        Texts(docx).Should().Equal("第一章 总则", "第一条 a", "第二条 b", "第二章 附则", "第三条 c");
    }

    [Fact]
    public void RestartsOnlyAfterNamedLevel_GivenLvlRestart()
    {
        // Level 3 restarts after level 1 only, not after level 2.
        var numbering = Numbering(
            Level(0, "decimal", "%1"),
            Level(1, "decimal", "%1.%2"),
            Level(2, "decimal", "(%3)", extra: "<w:lvlRestart w:val=\"1\"/>"));
        using var docx = Create(
            ListParagraph("a", ilvl: 0) + ListParagraph("b", ilvl: 1) + ListParagraph("c", ilvl: 2)
            + ListParagraph("d", ilvl: 1) + ListParagraph("e", ilvl: 2) + ListParagraph("f", ilvl: 0) + ListParagraph("g", ilvl: 2),
            numbering);

        Texts(docx).Should().Equal("1\ta", "1.1\tb", "(1)\tc", "1.2\td", "(2)\te", "2\tf", "(1)\tg");
    }

    [Fact]
    public void RendersDecimalForAllLevels_GivenIsLgl()
    {
        var numbering = Numbering(
            Level(0, "chineseCounting", "第%1章"),
            Level(1, "decimal", "%1.%2", extra: "<w:isLgl/>"));
        using var docx = Create(ListParagraph("a", ilvl: 0) + ListParagraph("b", ilvl: 0) + ListParagraph("c", ilvl: 1), numbering);

        Texts(docx).Should().Equal("第一章\ta", "第二章\tb", "2.1\tc");
    }

    [Fact]
    public void SharesCountersAndAppliesStartOverrideOnce_GivenInstancesOfOneAbstractList()
    {
        var numbering = "<w:abstractNum w:abstractNumId=\"1\">" + Level(0, "decimal", "%1.") + "</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
            + "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/></w:lvlOverride></w:num>";
        using var docx = Create(
            ListParagraph("a", 1) + ListParagraph("b", 1) + ListParagraph("c", 2) + ListParagraph("d", 3) + ListParagraph("e", 3)
            + ListParagraph("f", 1) + ListParagraph("g", 4) + ListParagraph("h", 4),
            numbering);

        Texts(docx).Should().Equal("1.\ta", "2.\tb", "3.\tc", "1.\td", "2.\te", "3.\tf", "7.\tg", "8.\th");
    }

    [Fact]
    public void UsesOverriddenLevel_GivenLvlOverrideWithLevel()
    {
        var numbering = "<w:abstractNum w:abstractNumId=\"1\">" + Level(0, "decimal", "%1.") + "</w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\">"
            + Level(0, "chineseCounting", "第%1条", start: 3) + "</w:lvlOverride></w:num>";
        using var docx = Create(ListParagraph("a"), numbering);

        Texts(docx).Should().Equal("第三条\ta");
    }

    [Fact]
    public void NumbersFromParagraphStyle_GivenStyleWithNumPr()
    {
        var styles = """
            <w:style w:type="paragraph" w:styleId="Article"><w:name w:val="条"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="ArticleChild"><w:name w:val="条子"/><w:basedOn w:val="Article"/></w:style>
            """;
        var body = "<w:p><w:pPr><w:pStyle w:val=\"Article\"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:pStyle w:val=\"ArticleChild\"/></w:pPr><w:r><w:t>b</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:pStyle w:val=\"Article\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>not numbered</w:t></w:r></w:p>";
        using var docx = Create(body, Numbering(Level(0, "chineseCounting", "第%1条", extra: "<w:suff w:val=\"space\"/>")), styles);

        Texts(docx).Should().Equal("第一条 a", "第二条 b", "not numbered");
    }

    [Fact]
    public void TakesLevelFromLvlPStyle_GivenHeadingStylesLinkedToLevels()
    {
        var styles = """
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            """;
        var numbering = Numbering(
            Level(0, "chineseCounting", "第%1章", extra: "<w:pStyle w:val=\"Heading1\"/><w:suff w:val=\"space\"/>"),
            Level(1, "chineseCounting", "第%2节", extra: "<w:pStyle w:val=\"Heading2\"/><w:suff w:val=\"space\"/>"));
        var body = "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>总则</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>一般规定</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>特别规定</w:t></w:r></w:p>";
        using var docx = Create(body, numbering, styles);

        var paragraphs = Read(docx).Paragraphs;

        paragraphs.Select(p => p.Text).Should().Equal("第一章 总则", "第一节 一般规定", "第二节 特别规定");
        paragraphs.Select(p => p.OutlineLevel).Should().Equal(0, 1, 1);
        paragraphs[0].StyleName.Should().Be("heading 1");
    }

    [Fact]
    public void FollowsNumStyleLink_GivenListDefinedThroughNumberingStyle()
    {
        var styles = """
            <w:style w:type="numbering" w:styleId="ArticleList"><w:name w:val="条款列表"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
            """;
        var numbering = "<w:abstractNum w:abstractNumId=\"10\"><w:styleLink w:val=\"ArticleList\"/>"
            + Level(0, "chineseCounting", "第%1条", extra: "<w:suff w:val=\"nothing\"/>") + "</w:abstractNum>"
            + "<w:abstractNum w:abstractNumId=\"20\"><w:numStyleLink w:val=\"ArticleList\"/></w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"20\"/></w:num>"
            + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"10\"/></w:num>";
        using var docx = Create(ListParagraph("a") + ListParagraph("b"), numbering, styles);

        Texts(docx).Should().Equal("第一条a", "第二条b");
    }

    [Fact]
    public void RendersBulletAsBullet_GivenSymbolFontBullet()
    {
        using var docx = Create(ListParagraph("要点"), Numbering(Level(0, "bullet", "\uF0B7")));

        Texts(docx).Should().Equal("•\t要点");
    }

    [Fact]
    public void RendersLabelButNotSuffix_GivenEmptyLabel()
    {
        using var docx = Create(ListParagraph("a"), Numbering(Level(0, "none", "")));

        var paragraph = Read(docx).Paragraphs.Single();

        paragraph.Text.Should().Be("a");
        paragraph.GeneratedPrefixLength.Should().Be(0);
    }

    [Fact]
    public void UsesFallbackFormat_GivenUnrenderableCustomFormatInAlternateContent()
    {
        var level = "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><mc:AlternateContent><mc:Choice Requires=\"w14\">"
            + "<w:numFmt w:val=\"custom\" w:format=\"001, 002, 003, ...\"/></mc:Choice><mc:Fallback><w:numFmt w:val=\"decimal\"/></mc:Fallback>"
            + "</mc:AlternateContent><w:lvlText w:val=\"%1.\"/></w:lvl>";
        using var docx = Create(ListParagraph("a"), Numbering(level));

        Texts(docx).Should().Equal("001.\ta");
    }

    [Fact]
    public void WarnsAndKeepsText_GivenUndefinedList()
    {
        using var docx = Create(ListParagraph("a", numId: 42), Numbering(Level(0, "decimal", "%1.")));

        var raw = Read(docx);

        raw.Paragraphs.Single().Text.Should().Be("a");
        raw.Warnings.Should().ContainSingle(w => w.Code == "numbering-missing");
    }

    [Fact]
    public void ShowsStartValueForUnusedHigherLevel_GivenDeepFirstParagraph()
    {
        var numbering = Numbering(Level(0, "decimal", "%1"), Level(1, "decimal", "%1.%2"));
        using var docx = Create(ListParagraph("a", ilvl: 1), numbering);

        Texts(docx).Should().Equal("1.1\ta");
    }
}
