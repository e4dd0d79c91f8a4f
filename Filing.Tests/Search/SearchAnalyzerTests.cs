using Filing.Core.Search;
using Filing.Core.Text;

namespace Filing.Tests.Search;

public class SearchAnalyzerTests
{
    private static readonly SearchAnalyzer Analyzer = new(JiebaTokenizer.Shared);

    [Fact]
    public void KeepsLength_GivenFullWidthAndCapitals()
    {
        const string text = "ＡＢＣ１２３，法治政府　X";

        var normalized = SearchAnalyzer.Normalize(text);

        normalized.Should().Be("abc123,法治政府 x");
        normalized.Length.Should().Be(text.Length);
    }

    [Fact]
    public void FoldsAndLowersEachCharacterAsInvariantCulture_GivenEveryCharacter()
    {
        var every = new string([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)]);

        var normalized = SearchAnalyzer.Normalize(every);

        var expected = new string([.. every.Select(c => char.ToLowerInvariant(TextNormalizer.Fold(c)))]);
        normalized.Should().Be(expected);
    }

    [Fact]
    public void IndexesWordsInsideLongerWords_GivenSearchMode()
    {
        var terms = Analyzer.Terms("加强招商引资工作");

        terms.Should().Contain(["招商引资", "招商", "引资", "加强", "工作"]);
    }

    [Fact]
    public void DropsPunctuationAndSplitsMixedTokens_GivenDocumentNumber()
    {
        var terms = Analyzer.Terms("桐政发〔2018〕47号（2018-2020年）");

        terms.Should().OnlyContain(t => t.All(char.IsLetterOrDigit));
        terms.Should().Contain(["2018", "47", "2020"]);
    }

    [Theory]
    [InlineData("招商引资", new[] { "招商", "引资" })]
    [InlineData("法治政府", new[] { "法治", "政府" })]
    [InlineData("行政规范性文件", new[] { "行政", "规范", "范性", "文件" })]
    [InlineData("，。", new string[0])]
    public void ReducesQueryWordsToLeaves_GivenCompounds(string word, string[] expected)
    {
        Analyzer.Leaves(word).Should().Equal(expected);
    }

    [Fact]
    public void FindsEveryLeafOfAQueryWordInTheIndex_GivenTheWordInContext()
    {
        foreach (var (word, context) in new[]
                 {
                     ("招商引资", "各地要加强招商引资工作"), ("法治政府", "桐庐县深化法治政府建设实施意见"),
                     ("规范性文件", "加强行政规范性文件管理"), ("公平竞争", "开展公平竞争审查工作"),
                 })
        {
            Analyzer.Terms(context).Should().Contain(Analyzer.Leaves(word), $"“{word}” must be found in “{context}”");
        }
    }

    [Fact]
    public void KeepsMostFrequentWordsAsKeywords_GivenRepeats()
    {
        var keywords = SearchAnalyzer.Keywords(["政府", "法治", "政府", "的", "2018", "政府", "法治", "建设"]);

        keywords.Should().Be(" 政府 法治 建设 ");
    }

    [Fact]
    public void AnalyzesTitleAndBodyApart_GivenDocument()
    {
        var doc = Analyzer.Analyze("关于深化法治政府建设的意见", "一、总体要求\n二、ＡＢ主要任务");

        doc.TitleTerms.Split(' ').Should().Contain(["法治", "政府"]);
        doc.BodyTerms.Split(' ').Should().Contain(["总体", "要求", "ab"]);
        doc.BodySearch.Should().Be("一、总体要求\n二、ab主要任务");
        doc.Body.Should().Be("一、总体要求\n二、ＡＢ主要任务");
        doc.Keywords.Should().StartWith(" ").And.EndWith(" ");
    }
}
