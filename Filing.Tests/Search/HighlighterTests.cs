using Filing.Core.Search;
using Filing.Core.Text;

namespace Filing.Tests.Search;

public class HighlighterTests
{
    private static readonly SearchQueryParser Parser = new(new SearchAnalyzer(JiebaTokenizer.Shared));

    [Fact]
    public void MarksWholeWordAndItsParts_GivenWordQuery()
    {
        const string title = "桐庐县深化法治政府建设实施意见";

        var ranges = Highlighter.Find(title, Parser.Parse("法治政府"));

        ranges.Should().Equal(new TextRange(5, 4));
        ranges[0].Of(title).ToString().Should().Be("法治政府");
    }

    [Fact]
    public void MarksOriginalText_GivenFullWidthInDocument()
    {
        const string text = "适用于ＰＰＰ项目";

        var range = Highlighter.Find(text, Parser.Parse("ppp")).Single();

        range.Of(text).ToString().Should().Be("ＰＰＰ");
    }

    [Fact]
    public void CutsSnippetAroundBestLine_GivenLongBody()
    {
        var body = "第一条 为了规范管理，制定本办法。\n" + new string('甲', 200) + "招商引资" + new string('乙', 200) + "\n第三条 本办法自公布之日起施行。";

        var snippet = Highlighter.Snippet(body, Parser.Parse("招商引资"))!;

        snippet.Text.Length.Should().BeLessThanOrEqualTo(Highlighter.DefaultSnippetLength + 2);
        snippet.Text.Should().StartWith("…").And.EndWith("…");
        var mark = snippet.Highlights.Single();
        mark.Of(snippet.Text).ToString().Should().Be("招商引资");
    }

    [Fact]
    public void ReturnsWholeLine_GivenShortLine()
    {
        var snippet = Highlighter.Snippet("总则\n本办法所称规范性文件，是指行政机关制定的公文。", Parser.Parse("\"规范性文件\""))!;

        snippet.Text.Should().Be("本办法所称规范性文件，是指行政机关制定的公文。");
        snippet.Highlights.Single().Of(snippet.Text).ToString().Should().Be("规范性文件");
    }

    [Fact]
    public void PicksEarliestLineWithMostDistinctMatches_GivenSeveralMatchingLines()
    {
        // Line 1 repeats one match (1 distinct), lines 2 and 3 hold two distinct ones each: line 2, the earlier, wins.
        const string body = "总则：行政处罚行政处罚行政处罚\n第二条 行政机关依法作出处罚决定\n第三条 行政机关和处罚\n附则";

        var snippet = Highlighter.Snippet(body, Parser.Parse("行政处罚"))!;

        snippet.Text.Should().Be("第二条 行政机关依法作出处罚决定");
        snippet.Highlights.Select(h => h.Of(snippet.Text).ToString()).Should().Equal("行政", "处罚");
    }

    [Fact]
    public void ReturnsNull_GivenNoMatch()
    {
        Highlighter.Snippet("本办法自公布之日起施行。", Parser.Parse("招商引资")).Should().BeNull();
    }
}
