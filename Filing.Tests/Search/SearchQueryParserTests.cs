using Filing.Core.Search;
using Filing.Core.Text;

namespace Filing.Tests.Search;

public class SearchQueryParserTests
{
    private static readonly SearchQueryParser Parser = new(new SearchAnalyzer(JiebaTokenizer.Shared));

    [Fact]
    public void RequiresEveryWord_GivenWordsSeparatedBySpaces()
    {
        var query = Parser.Parse("招商引资  优惠　政策");

        query.Required.Select(g => g.Alternatives.Single().Text).Should().Equal("招商引资", "优惠", "政策");
        query.Required.Should().OnlyContain(g => !g.Alternatives[0].IsPhrase);
        query.Excluded.Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"法治政府建设\"")]
    [InlineData("“法治政府建设”")]
    [InlineData("「法治政府 建设」")]
    [InlineData("＂法治政府建设＂")]
    [InlineData("\"法治政府建设")]
    public void ReadsPhrase_GivenAnyQuoteStyle(string q)
    {
        var part = Parser.Parse(q).Required.Single().Alternatives.Single();

        part.IsPhrase.Should().BeTrue();
        part.Text.Should().Be("法治政府建设");
        part.Leaves.Should().Equal("法治", "政府", "建设");
    }

    [Fact]
    public void GroupsAlternatives_GivenOr()
    {
        var query = Parser.Parse("奖励 OR 补贴 | \"专项资金\" 企业");

        query.Required.Should().HaveCount(2);
        query.Required[0].Alternatives.Select(a => a.Text).Should().Equal("奖励", "补贴", "专项资金");
        query.Required[1].Alternatives.Single().Text.Should().Be("企业");
    }

    [Fact]
    public void Excludes_GivenLeadingMinus()
    {
        var query = Parser.Parse("补贴 -试行 -\"暂行办法\"");

        query.Excluded.Select(p => (p.Text, p.IsPhrase)).Should().Equal(("试行", false), ("暂行办法", true));
    }

    [Fact]
    public void KeepsLowerCaseOrAsWord_GivenEnglishText()
    {
        Parser.Parse("ppp or bot").Required.Should().HaveCount(3);
    }

    [Theory]
    [InlineData("", "no searchable word")]
    [InlineData("。，！", "no searchable word")]
    [InlineData("-政府", "besides the excluded")]
    [InlineData("OR 政府", "OR goes between")]
    [InlineData("政府 OR", "OR goes between")]
    [InlineData("政府 OR OR 法治", "OR goes between")]
    [InlineData("政府 OR -法治", "cannot be combined with OR")]
    public void Refuses_GivenUnsearchableQuery(string q, string message)
    {
        var act = () => Parser.Parse(q);

        act.Should().Throw<SearchQueryException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void Refuses_GivenTooLongQuery()
    {
        var act = () => Parser.Parse(new string('政', SearchQueryParser.MaxLength + 1));

        act.Should().Throw<SearchQueryException>().WithMessage("*200*");
    }
}
