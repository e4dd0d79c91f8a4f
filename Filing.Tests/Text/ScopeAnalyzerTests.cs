using Filing.Core.Text;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Text;

public class ScopeAnalyzerTests
{
    private static readonly ScopeAnalyzer Scope = new(ReviewTestContext.Rules.Lexicon);

    [Theory]
    [InlineData("不得限定或者变相限定单位或者个人购买其指定的经营者提供的商品", "指定的经营者", ScopeGuard.Prohibition)]
    [InlineData("用人单位不得将妊娠测试作为入职体检项目", "妊娠测试", ScopeGuard.Prohibition)]
    [InlineData("对外地企业参加招标不得设置歧视性条件", "外地企业参加招标", ScopeGuard.ProhibitedRestriction)]
    [InlineData("清理废除妨碍统一市场的规定，防止排斥外地商品", "外地商品", ScopeGuard.ProhibitedRestriction)]
    [InlineData("不得拖延，必须使用本地企业生产的建材", "必须使用本地企业", ScopeGuard.None)]
    [InlineData("外地企业不得参加本县政府采购", "外地企业不得参加", ScopeGuard.None)]
    [InlineData("防止外地企业进入本地市场", "外地企业进入", ScopeGuard.None)]
    [InlineData("不得限定经营者，或者指定品牌", "指定品牌", ScopeGuard.Prohibition)]
    [InlineData("不得拖延审批，但须在本地设立分支机构", "须在本地设立", ScopeGuard.None)]
    public void Check_GivenClause(string text, string match, ScopeGuard expected)
    {
        var normalized = TextNormalizer.Normalize(text);
        var clause = ClauseSplitter.SplitClauses(normalized)[0];
        var subs = ClauseSplitter.SplitSubClauses(normalized, clause);
        var at = normalized.IndexOf(TextNormalizer.Normalize(match), StringComparison.Ordinal);

        Scope.Check(normalized, clause, subs, new TextRange(at, match.Length)).Should().Be(expected);
    }

    [Theory]
    [InlineData("起草单位起草的政策措施，不得含有下列内容：", true)]
    [InlineData("重点审查以下内容：", true)]
    [InlineData("有下列情形之一的，不得享受奖励：", false)]
    [InlineData("经审查，有下列情形之一的，不予补贴：", false)]
    [InlineData("不得含有下列内容。", false)]
    public void RecognisesProhibitionListLeadIn(string text, bool expected)
    {
        var normalized = TextNormalizer.Normalize(text);

        Scope.IsProhibitionListLeadIn(normalized, new TextRange(0, normalized.Length)).Should().Be(expected);
    }

    [Fact]
    public void QuotedMention_GivenMentionCueOrProhibition()
    {
        var text = TextNormalizer.Normalize("不得出现“本地企业优先”等表述，实行“本地企业优先”政策");
        var clause = ClauseSplitter.SplitClauses(text)[0];
        var subs = ClauseSplitter.SplitSubClauses(text, clause);
        var quotes = QuotationScanner.FindQuotes(text);
        var first = text.IndexOf("本地企业优先", StringComparison.Ordinal);
        var second = text.LastIndexOf("本地企业优先", StringComparison.Ordinal);

        Scope.IsQuotedMention(text, quotes, clause, subs, new TextRange(first, 6)).Should().BeTrue();
        Scope.IsQuotedMention(text, quotes, clause, subs, new TextRange(second, 6)).Should().BeFalse();
    }
}
