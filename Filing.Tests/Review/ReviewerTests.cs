using Filing.Core.Documents;
using Filing.Core.Review;
using Filing.Core.Review.Matching;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Review;

public class ReviewerTests
{
    private static Reviewer Reviewer => ReviewTestContext.Reviewer;

    [Fact]
    public void FlagsLocalBuildingMaterials_GivenDoneWhenClause()
    {
        const string text = "本县政府投资项目必须使用本地企业生产的建材";

        var report = Reviewer.ReviewText(text);

        var finding = report.Findings.Should().ContainSingle(f => f.Step == ReviewStep.FairCompetition).Subject;
        finding.Basis.Should().Contain(b => b.Law == "公平竞争审查条例");
        finding.Severity.Should().Be(Severity.Error);
        finding.Location.Paragraph.Should().Be(0);
        text.Substring(finding.Location.Start, finding.Location.Length).Should().Be(finding.Excerpt);
    }

    [Theory]
    [InlineData("不得限定或者变相限定单位或者个人经营、购买、使用其指定的经营者提供的商品")]
    [InlineData("保障妇女平等就业权利")]
    [InlineData("对符合条件的各类企业给予补助")]
    [InlineData("依法给予行政处罚")]
    [InlineData("政策措施中不得出现“本地企业优先”“限本县企业参加”等表述。")]
    [InlineData("起草单位起草的政策措施，不得含有下列限制市场准入和退出的内容：（一）违法设置审批程序；（二）违法设置或者授予特许经营权；（三）限定经营、购买或者使用特定经营者提供的商品或者服务。")]
    [InlineData("根据《中华人民共和国民法典》第一百四十三条的规定执行。")]
    [InlineData("用人单位在招录（聘）过程中，不得限定为男性或者规定男性优先。")]
    public void ReportsNoErrorOrWarning_GivenQuotedProhibitionOrNeutralText(string text)
    {
        var report = Reviewer.ReviewText(text);

        report.Findings.Where(f => f.Severity >= Severity.Warning).Should().BeEmpty();
    }

    [Fact]
    public void TreatsItemsAfterProhibitionLeadInAsQuotations_GivenSeparateParagraphs()
    {
        const string text = """
            起草单位起草的政策措施，不得含有下列限制商品、要素自由流动的内容：
            （一）限制外地或者进口商品、要素进入本地市场；
            （二）排斥、限制、强制或者变相强制外地经营者在本地投资经营或者设立分支机构；
            （三）排斥、限制或者变相限制外地经营者参加本地政府采购、招标投标。
            外地施工企业承接本县工程的，须在本县设立分公司。
            """;

        var report = Reviewer.ReviewText(text);

        report.Findings.Should().ContainSingle().Which.Location.Paragraph.Should().Be(4, "the list ends with the first paragraph that is not an item");
    }

    [Fact]
    public void PointsAtTheExactCharacters_GivenSeveralParagraphsAndFullWidthText()
    {
        const string text = """
            第一条　为规范农家乐经营，制定本办法。
            第二条　外地施工企业承接本县工程的，须在本县设立分公司；同等条件下本地企业优先。
            第三条　招聘岗位：综合执法辅助人员５名，限男性。
            第四条　对违反本办法乱倒建筑垃圾的，由县综合执法局处以５００元以上２０００元以下罚款。
            """;
        var document = NormativeDocumentReader.FromText(text);

        var report = Reviewer.Review(document, new ReviewOptions { WholeDocument = false });

        report.Findings.Select(f => f.RuleId).Should().Contain(["FC-0902", "FC-0903", "GE-4301", "LG-0201"]);
        foreach (var f in report.Findings)
        {
            var paragraph = document.Paragraphs[f.Location.Paragraph];
            paragraph.Text.Substring(f.Location.Start, f.Location.Length).Should().Be(f.Excerpt, f.RuleId);
        }
    }

    [Fact]
    public void RunsOnlyRequestedSteps_GivenStepFilter()
    {
        const string text = "招聘岗位限男性，须在本地设立分支机构。";

        var report = Reviewer.ReviewText(text, [ReviewStep.GenderEquality]);

        report.Steps.Should().Equal(ReviewStep.GenderEquality);
        report.Findings.Should().OnlyContain(f => f.Step == ReviewStep.GenderEquality).And.NotBeEmpty();
        report.CountsByStep.Keys.Should().Equal(ReviewStep.GenderEquality);
    }

    [Fact]
    public void SkipsDocumentLevelChecks_GivenPassage()
    {
        const string text = "桐政发[2018]47号\n桐庐县农家乐管理暂行办法\n第十条 本办法自2018年7月1日起施行。\n桐庐县人民政府\n2018年8月6日";

        var passage = Reviewer.ReviewText(text);
        var whole = Reviewer.ReviewText(text, wholeDocument: true);

        passage.Findings.Should().NotContain(f => f.Step == ReviewStep.Drafting);
        whole.Findings.Select(f => f.RuleId).Should().Contain(["DR-0101", "DR-0201", "DR-0301"]);
        whole.Document.DocumentNumber.Should().Be("桐政发〔2018〕47号");
        whole.Document.Date.Should().Be(new DateOnly(2018, 8, 6));
    }

    [Fact]
    public void DowngradesFairCompetitionFindingWithNote_GivenArt12GroundAndTimeLimit()
    {
        const string restrictive = "对新引进落户本县的企业给予一次性奖励100万元。";
        const string excepted = "为保护生态环境、节约能源，对新引进落户本县的企业给予一次性奖励100万元。本政策实施期限为2024年1月1日至2025年12月31日。";

        var plain = Reviewer.ReviewText(restrictive).Findings.Single(f => f.RuleId == "FC-1002");
        var downgraded = Reviewer.ReviewText(excepted).Findings.Single(f => f.RuleId == "FC-1002");

        plain.Severity.Should().Be(Severity.Error);
        plain.Note.Should().BeNull();
        downgraded.Severity.Should().Be(Severity.Warning);
        downgraded.Note.Should().Contain("第十二条").And.Contain("第（三）项").And.Contain("实施期限");
    }

    [Fact]
    public void KeepsSeverity_GivenArt12GroundWithoutTimeLimit()
    {
        const string text = "为保护生态环境，对新引进落户本县的企业给予一次性奖励100万元。";

        Reviewer.ReviewText(text).Findings.Single(f => f.RuleId == "FC-1002").Severity.Should().Be(Severity.Error);
    }

    [Fact]
    public void CountsEveryStepAndSeverity()
    {
        var report = Reviewer.ReviewText("招聘岗位限男性，须在本地设立分支机构。");

        report.CountsByStep.Keys.Should().BeEquivalentTo(ReviewStepNames.All);
        report.CountsByStep[ReviewStep.FairCompetition].Should().Be(1);
        report.CountsByStep[ReviewStep.Health].Should().Be(0);
        report.CountsBySeverity.Keys.Should().BeEquivalentTo(Enum.GetValues<Severity>());
        report.CountsBySeverity.Values.Sum().Should().Be(report.Findings.Count);
    }

    [Fact]
    public void SegmentsOnlyPrefilteredClauses_GivenTextWithoutAnchors()
    {
        var document = NormativeDocumentReader.FromText(string.Join("\n", Enumerable.Repeat("各级各部门要高度重视，认真组织实施，确保取得实效。", 200)));
        var stats = new ReviewStats();

        Reviewer.Run(document, ReviewOptions.Default with { WholeDocument = false }, stats);

        stats.Paragraphs.Should().Be(200);
        stats.SegmentedCharacters.Should().Be(0);
    }

    [Fact]
    public void FlagsRepealedLawAndNamesSuccessor()
    {
        const string text = "依据《中华人民共和国物权法》和担保法的有关规定办理抵押登记。";

        var findings = Reviewer.ReviewText(text).Findings.Where(f => f.RuleId == "LG-0901").ToList();

        findings.Select(f => f.Excerpt).Should().Equal("《中华人民共和国物权法》", "担保法");
        findings[0].Message.Should().Contain("2021年1月1日").And.Contain("民法典");
        findings[0].Suggestion.Should().Contain("民法典");
    }

    [Fact]
    public void OrdersFindingsByParagraphThenPosition()
    {
        const string text = "须在本地设立分支机构，限男性。\n对违反本办法的处以罚款。";

        var findings = Reviewer.ReviewText(text).Findings;

        findings.Select(f => f.Location.Paragraph * 10_000 + f.Location.Start).Should().BeInAscendingOrder();
    }
}
