using Filing.Core.Text;

namespace Filing.Tests.Text;

public class ClauseSplitterTests
{
    [Fact]
    public void SplitsOnChineseTerminators_KeepingOffsets()
    {
        var text = TextNormalizer.Normalize("第一条 限定经营者；（一）不得指定！是否合理？是。末尾");

        var clauses = ClauseSplitter.SplitClauses(text);

        clauses.Select(c => text.Substring(c.Start, c.Length)).Should().Equal(
            "第一条 限定经营者;", "(一)不得指定!", "是否合理?", "是。", "末尾");
    }

    [Fact]
    public void KeepsQuotedTerminatorsAndClosingQuotesInTheClause()
    {
        const string text = "不得出现“本地优先。外地不得参加”等表述。他说：“好。”然后";

        var clauses = ClauseSplitter.SplitClauses(text);

        clauses.Select(c => text.Substring(c.Start, c.Length)).Should().Equal(
            "不得出现“本地优先。外地不得参加”等表述。", "他说：“好。”", "然后");
    }

    [Fact]
    public void SplitsSubClausesOnCommaAndColon()
    {
        var text = TextNormalizer.Normalize("不得有下列行为：限定经营者，或者指定品牌。");
        var clause = ClauseSplitter.SplitClauses(text)[0];

        var subs = ClauseSplitter.SplitSubClauses(text, clause);

        subs.Select(s => text.Substring(s.Start, s.Length)).Should().Equal("不得有下列行为:", "限定经营者,", "或者指定品牌。");
    }

    [Fact]
    public void CutsOverlongClauseAtLastCommaBeforeLimit_GivenTextWithoutTerminators()
    {
        var text = TextNormalizer.Normalize("一二三四五六七八九十,一二三四五六七八,一二三四五六七八九十一二三四五六七八九十一二三四五");

        var clauses = ClauseSplitter.SplitClauses(text, maxLength: 25);

        clauses.Select(c => text.Substring(c.Start, c.Length)).Should().Equal(
            "一二三四五六七八九十,一二三四五六七八,", "一二三四五六七八九十一二三四五六七八九十一二三四五");
        clauses.Sum(c => c.Length).Should().Be(text.Length, "the cut clauses still cover every character");
    }

    [Fact]
    public void CutsAtTheLimit_GivenNoCommaInTheSecondHalf()
    {
        var text = new string('字', 60);

        var clauses = ClauseSplitter.SplitClauses(text, maxLength: 25);

        clauses.Select(c => c.Length).Should().Equal(25, 25, 10);
    }
}
