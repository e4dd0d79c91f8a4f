using Filing.Core.Documents;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents.Structure;

public class ArticlesTests
{
    private const string Measures = """
        桐庐县行政规范性文件管理办法
        第一章　总　则
        第一条　为了加强行政规范性文件管理，根据有关规定，结合本县实际，制定本办法。
        第二条　本办法所称行政规范性文件，是指除政府规章外，由行政机关依照法定权限、程序制定并公开发布的文件。
        本办法适用于县人民政府及其工作部门。
        第二章　制定程序
        第一节　起草
        第三条　起草单位应当做好下列工作：
        （一）开展调查研究；
        （二）征求意见，包括：
        1.公开征求意见；
        2.听取专家意见。
        （三）进行合法性审查。
        起草单位应当在起草完成后报送审查。
        第二节　审查
        第四条　县司法局负责合法性审查。
        第三章　附　则
        第五条　本办法自2019年1月1日起施行，有效期5年。
        """;

    private static readonly NormativeDocument Document = RawDocs.Text(Measures);

    [Fact]
    public void IsArticleForm_GivenMeasures()
    {
        Document.Form.Should().Be(DocumentForm.Articles);
        Document.Title.Should().Be("桐庐县行政规范性文件管理办法");
        Document.DocumentType.Should().Be("办法");
        Document.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void OutlinesChaptersAndSections_GivenMeasures()
    {
        Document.Outline.Select(n => (n.Label, n.Heading)).Should().Equal(("第一章", "总则"), ("第二章", "制定程序"), ("第三章", "附则"));
        Document.Outline[1].Children.Select(n => (n.Label, n.Heading, n.Path, n.Level))
            .Should().Equal(("第一节", "起草", "第二章第一节", 2), ("第二节", "审查", "第二章第二节", 2));
    }

    [Fact]
    public void ListsEveryArticleWithChapterAndSection_GivenMeasures()
    {
        Document.Articles.Select(a => (a.Label, a.Number, a.Chapter, a.Section)).Should().Equal(
            ("第一条", 1, "第一章", null),
            ("第二条", 2, "第一章", null),
            ("第三条", 3, "第二章", "第一节"),
            ("第四条", 4, "第二章", "第二节"),
            ("第五条", 5, "第三章", null));
    }

    [Fact]
    public void SplitsParagraphsIntoClauses_FirstWithoutLabel()
    {
        var second = Document.Articles[1];

        second.Paragraphs.Should().Equal(
            "本办法所称行政规范性文件，是指除政府规章外，由行政机关依照法定权限、程序制定并公开发布的文件。",
            "本办法适用于县人民政府及其工作部门。");
        second.Text.Should().StartWith("本办法所称").And.EndWith("\n本办法适用于县人民政府及其工作部门。");
    }

    [Fact]
    public void ReadsItemsAndSubItemsWithPaths_GivenArticleWithSeveralClauses()
    {
        var third = Document.Articles[2];

        third.Paragraphs.Should().Equal("起草单位应当做好下列工作：", "起草单位应当在起草完成后报送审查。");
        third.Items.Select(i => (i.Label, i.Number, i.Path, i.Text)).Should().Equal(
            ("（一）", 1, "第三条第一款第（一）项", "开展调查研究；"),
            ("（二）", 2, "第三条第一款第（二）项", "征求意见，包括："),
            ("（三）", 3, "第三条第一款第（三）项", "进行合法性审查。"));
        third.Items[1].SubItems.Select(s => (s.Label, s.Path, s.Text)).Should().Equal(
            ("1.", "第三条第一款第（二）项第1目", "公开征求意见；"),
            ("2.", "第三条第一款第（二）项第2目", "听取专家意见。"));
    }

    [Fact]
    public void GivesEveryParagraphItsPath_GivenMeasures()
    {
        Document.Paragraph("第一章").Should().Match<DocParagraph>(p => p.Path == "第一章" && p.Role == ParagraphRole.Heading && p.Label == "第一章");
        Document.Paragraph("第一条").Path.Should().Be("第一条");
        Document.Paragraph("第二条").Path.Should().Be("第二条第一款");
        Document.Paragraph("本办法适用于").Path.Should().Be("第二条第二款");
        Document.Paragraph("（二）征求意见").Should().Match<DocParagraph>(p => p.Path == "第三条第一款第（二）项" && p.Label == "（二）");
        Document.Paragraph("2.听取").Path.Should().Be("第三条第一款第（二）项第2目");
        Document.Paragraph("起草单位应当在").Path.Should().Be("第三条第二款");
        Document.Paragraph("第一节").Path.Should().Be("第二章第一节");
    }

    [Fact]
    public void OmitsClauseFromItemPath_GivenSingleClauseArticle()
    {
        var d = RawDocs.Text("""
            第一条　申请人应当提交下列材料：
            （一）申请书；
            （二）身份证明。
            """);

        d.Articles.Single().Items.Select(i => i.Path).Should().Equal("第一条第（一）项", "第一条第（二）项");
        d.Paragraph("第一条").Path.Should().Be("第一条");
    }

    [Fact]
    public void ReadsLargeAndArabicArticleNumbers()
    {
        var d = RawDocs.Text("""
            第一百二十二条　甲。
            第一百二十三条　乙。
            第12条 丙。
            第一万一千一百一十五条 丁。
            第一萬一千一百一十六条 戊。
            """);

        d.Articles.Select(a => (a.Label, a.Number)).Should().Equal(
            ("第一百二十二条", 122), ("第一百二十三条", 123), ("第12条", 12), ("第一万一千一百一十五条", 11115), ("第一萬一千一百一十六条", 11116));
    }

    [Fact]
    public void WarnsAboutGapsAndDuplicates_GivenBrokenNumbering()
    {
        var d = RawDocs.Text("""
            某县某某管理办法
            第一条　甲。
            第三条　乙。
            第三条　丙。
            """);

        d.Articles.Should().HaveCount(3);
        d.Warnings.Select(w => w.Code).Should().Equal("number-gap", "duplicate-article");
        d.Warnings[0].Path.Should().Be("第三条");
    }

    [Fact]
    public void TreatsMidSentenceReferenceAsText_GivenArticleLabelWithoutSeparatorOutOfSequence()
    {
        var d = RawDocs.Text("""
            第一条　申请材料应当齐全。
            第五条规定的情形除外。
            第二条　本办法自印发之日起施行。
            """);

        d.Articles.Select(a => a.Label).Should().Equal("第一条", "第二条");
        d.Articles[0].Paragraphs.Should().Equal("申请材料应当齐全。", "第五条规定的情形除外。");
    }

    [Fact]
    public void AcceptsLabelWithoutSpace_GivenNextArticleInSequence()
    {
        var d = RawDocs.Text("""
            第一条为了规范管理，制定本办法。
            第二条本办法自印发之日起施行。
            """);

        d.Articles.Select(a => a.Paragraphs[0]).Should().Equal("为了规范管理，制定本办法。", "本办法自印发之日起施行。");
    }

    [Fact]
    public void ReadsAutomaticNumberingLabels_GivenGeneratedPrefix()
    {
        var d = RawDocs.Analyze(
            RawDocs.Numbered("第一条\t", "为了规范管理，制定本办法。"),
            RawDocs.Numbered("第二条\t", "申请人应当提交："),
            RawDocs.Numbered("（一）", "申请书；"));

        d.Articles.Select(a => a.Label).Should().Equal("第一条", "第二条");
        d.Articles[1].Items.Single().Path.Should().Be("第二条第（一）项");
        d.Paragraphs[0].GeneratedPrefixLength.Should().Be(4);
        d.Paragraphs[0].Text.Should().Be("第一条\t为了规范管理，制定本办法。");
    }

    [Fact]
    public void AcceptsHalfWidthAndFullWidthLabels()
    {
        var d = RawDocs.Text("""
            第一条 申请人应当：
            (一)提交申请书；
            （二） 提交材料：
            1．原件；
            2、复印件。
            """);

        var items = d.Articles.Single().Items;
        items.Select(i => i.Label).Should().Equal("（一）", "（二）");
        items[1].SubItems.Select(s => s.Label).Should().Equal("1.", "2.");
    }

    [Fact]
    public void KeepsTableAndTextBoxInsideArticle_GivenNumberedCells()
    {
        var d = RawDocs.Analyze(
            "第一条　收费标准如下：",
            RawDocs.Cell("1.", 0, 0, 0),
            RawDocs.Cell("一、甲类", 0, 0, 1),
            RawDocs.Box("第九条 备注"),
            "本条所列标准每年调整。",
            "第二条　本办法自印发之日起施行。");

        d.Articles.Select(a => a.Label).Should().Equal("第一条", "第二条");
        d.Articles[0].Paragraphs.Should().Equal("收费标准如下：", "本条所列标准每年调整。");
        d.Articles[0].Items.Should().BeEmpty();
        d.Articles[0].ParagraphIndexes.Should().Equal(0, 1, 2, 3, 4);
        d.Paragraphs[1].Path.Should().Be("第一条第一款");
        d.Paragraphs[3].Should().Match<DocParagraph>(p => p.Path == "第一条第一款" && p.Label == null && p.Source == ParagraphSource.TextBox);
    }

    [Fact]
    public void WarnsAboutTextBeforeFirstArticle_GivenArticleForm()
    {
        var d = RawDocs.Text("""
            某县某某管理办法
            为了规范管理，制定本办法。
            第一条　甲。
            """);

        d.Warnings.Should().ContainSingle(w => w.Code == "unplaced-text" && w.Path == "paragraphs[1]");
        d.Paragraphs[1].Text.Should().Be("为了规范管理，制定本办法。");
    }

    [Fact]
    public void ReadsChapterOnItsOwnLine_GivenNoSpaceAndRestartedNumbering()
    {
        var d = RawDocs.Text("""
            第一章总则
            第一条　甲。
            第五章附则
            第二条　乙。
            """);

        d.Outline.Select(n => n.Label).Should().Equal("第一章", "第五章");
        d.Articles.Select(a => (a.Label, a.Chapter, a.Paragraphs.Count)).Should().Equal(("第一条", "第一章", 1), ("第二条", "第五章", 1));
    }
}
