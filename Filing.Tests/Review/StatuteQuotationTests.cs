using Filing.Core.Documents;
using Filing.Core.Review;
using Filing.Core.Review.Quotations;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Review;

/// <summary>
/// Statute text a draft quotes (or copies) is not the draft's own measure: found in the statute → info with the
/// quotation; not found → the rule's severity with a note; the draft's text outside the marks is always reviewed.
/// </summary>
public class StatuteQuotationTests
{
    private const string PenaltyQuote = "《中华人民共和国行政处罚法》第九条规定，行政处罚的种类包括“（二）罚款、没收违法所得、没收非法财物；”";

    private static Reviewer Reviewer => ReviewTestContext.Reviewer;

    private static StatuteTexts Statutes => ReviewTestContext.Rules.Statutes;

    [Fact]
    public void ReportsInfoWithVerifiedQuotation_GivenQuotedStatuteText()
    {
        var report = Reviewer.ReviewText(PenaltyQuote);

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        var finding = report.Findings.Should().ContainSingle(f => f.Step == ReviewStep.Legality).Subject;
        finding.Severity.Should().Be(Severity.Info);
        finding.Quotation.Should().Be(new StatuteQuotation("行政处罚法", "第九条", QuotationCheck.Verified, "第九条", true));
        finding.Note.Should().Contain("《行政处罚法》第九条").And.Contain("核对一致");
    }

    [Fact]
    public void FlagsOwnMeasure_GivenPenaltyAfterTheQuotation()
    {
        const string text = "根据《中华人民共和国行政处罚法》第九条规定，行政处罚的种类包括“罚款、没收违法所得、没收非法财物”，对占道经营的，由街道办事处处以300元罚款。";

        var report = Reviewer.ReviewText(text);

        var finding = report.Findings.Should().ContainSingle(f => f.Severity == Severity.Error).Subject;
        finding.RuleId.Should().Be("LG-0201");
        finding.Quotation.Should().BeNull();
        text.IndexOf(finding.Excerpt, StringComparison.Ordinal).Should().BeGreaterThan(text.IndexOf('”', StringComparison.Ordinal));
    }

    [Fact]
    public void KeepsErrorWithNote_GivenQuotationNotInTheCitedStatute()
    {
        const string text = "根据《中华人民共和国行政处罚法》规定：“对违反本通知的经营户，由县市场监管局处以五千元罚款。”";

        var finding = Reviewer.ReviewText(text).Findings.Should().ContainSingle(f => f.RuleId == "LG-0201").Subject;

        finding.Severity.Should().Be(Severity.Error);
        finding.Quotation!.Check.Should().Be(QuotationCheck.NotFound);
        finding.Note.Should().Contain("未找到");
    }

    [Theory]
    [InlineData("县政府常务会议纪要明确：“全县新建学校的课桌椅统一向县教育装备中心采购。”")]
    [InlineData("依照《青溪县招商引资优惠办法》第六条“对年纳税额超过500万元的企业，按其县级财政贡献的50%给予奖励”的规定，继续执行。")]
    [InlineData("《县政府关于加强建材市场管理的通知》要求：“本县政府投资项目必须使用本地企业生产的建材。”")]
    public void ReviewsQuotation_GivenNonStatuteSource(string text)
    {
        var report = Reviewer.ReviewText(text);

        report.Findings.Should().Contain(f => f.Step == ReviewStep.FairCompetition && f.Severity == Severity.Error && f.Quotation == null);
    }

    [Fact]
    public void ReportsInfoNotVerifiable_GivenStatuteWhoseTextIsNotShipped()
    {
        const string text = "《中华人民共和国食品安全法》第一百二十二条规定：“违反本法规定，未取得食品生产经营许可从事食品生产经营活动的，由县级以上人民政府食品安全监督管理部门没收违法所得。”";

        var report = Reviewer.ReviewText(text);

        report.Findings.Should().NotContain(f => f.Severity >= Severity.Warning);
        report.Findings.Should().Contain(f => f.Quotation != null && f.Quotation.Check == QuotationCheck.NotVerifiable && f.Quotation.Law == "食品安全法");
    }

    [Fact]
    public void ReportsInfo_GivenStatuteTextCopiedWithoutMarks()
    {
        var report = Reviewer.ReviewText("第十二条 （二）罚款、没收违法所得、没收非法财物；");

        var finding = report.Findings.Should().ContainSingle().Subject;
        finding.Severity.Should().Be(Severity.Info);
        finding.Quotation.Should().Be(new StatuteQuotation("行政处罚法", null, QuotationCheck.Verified, "第九条", false));
    }

    [Fact]
    public void FlagsCopiedStatuteText_GivenTheDraftsOwnAdditionInTheSameClause()
    {
        var report = Reviewer.ReviewText("罚款、没收违法所得、没收非法财物，由县城管局对占道经营户统一实施");

        report.Findings.Should().Contain(f => f.Step == ReviewStep.Legality && f.Severity == Severity.Error);
    }

    [Fact]
    public void FindsTheArticle_GivenQuotationUnderAnotherArticleOrElided()
    {
        Statutes.FindArticle("中华人民共和国反垄断法", "第三十二条",
            "行政机关和法律、法规授权的具有管理公共事务职能的组织不得滥用行政权力，限定或者变相限定……指定的经营者提供的商品")
            .Should().Be("第三十九条");
        Statutes.FindArticle("反垄断法", null, "行政机关不得滥用行政权力，限定单位购买指定的商品").Should().BeNull();
        Statutes.FindArticle("食品安全法", null, "食品安全").Should().BeNull();
    }

    [Fact]
    public void ReviewsWordFile_GivenQuotationsAndRecruitmentTableMadeByLibreOffice()
    {
        using var stream = File.OpenRead(RepoRoot.Path("corpus", "review-samples", "review-quotations.docx"));
        var document = NormativeDocumentReader.Read(stream);

        var report = Reviewer.Review(document, new ReviewOptions { Steps = [ReviewStep.Legality, ReviewStep.GenderEquality] });

        var errors = report.Findings.Where(f => f.Severity == Severity.Error).ToList();
        errors.Should().HaveCount(3);
        errors.Should().Contain(f => f.RuleId == "LG-0201" && f.Excerpt.Contains("300元", StringComparison.Ordinal));
        errors.Should().Contain(f => f.RuleId == "LG-0201" && f.Quotation != null && f.Quotation.Check == QuotationCheck.NotFound);
        var table = errors.Should().ContainSingle(f => f.RuleId == "GE-4301-2").Subject;
        table.Excerpt.Should().Be("男");
        document.Paragraphs[table.Location.Paragraph].Cell.Should().Be(new TableCellPosition(0, 1, 3));
        report.Findings.Should().Contain(f => f.Severity == Severity.Info && f.Quotation != null
            && f.Quotation.Check == QuotationCheck.Verified && f.Quotation.FoundIn == "第九条");
    }
}
