using Filing.Core.Documents;
using Filing.Core.Participation;

namespace Filing.Tests.Participation;

public class DraftStructureTests
{
    private static readonly DraftStructure Measures = new(NormativeDocumentReader.FromText(string.Join('\n',
        "桐庐县城市道路临时占用管理办法（征求意见稿）",
        "第一条　为了规范城市道路临时占用管理，制定本办法。",
        "第二条　申请临时占用城市道路的，应当向县住房和城乡建设局提出申请。",
        "县住房和城乡建设局应当自受理之日起五个工作日内作出决定。",
        "第三条　申请人应当提交下列材料：",
        "（一）申请书；",
        "（二）营业执照复印件；",
        "（三）占用道路的平面示意图。",
        "第四条　临时占用期满的，应当在五个工作日内恢复原状。",
        "第五条　本办法自2025年1月1日起施行。")));

    [Theory]
    [InlineData("第二条", "第二条")]
    [InlineData("第2条", "第二条")]
    [InlineData("第二条第二款", "第二条第二款")]
    [InlineData("第三条第（二）项", "第三条第（二）项")]
    [InlineData("第三条第一款第二项", "第三条第（二）项")]
    public void FindsPath_GivenWaysOfWritingIt(string typed, string expected) => Measures.FindPath(typed).Should().Be(expected);

    [Fact]
    public void RefusesPath_GivenArticleNotInDraft()
    {
        var anchor = Measures.Resolve("第九条", null);

        anchor.IsPlaced.Should().BeFalse();
        anchor.Field.Should().Be("path");
        anchor.Error.Should().Contain("第九条").And.Contain("第一条");
    }

    [Fact]
    public void PlacesQuote_GivenUniquePassage()
    {
        var anchor = Measures.Resolve(null, "营业执照复印件");

        anchor.IsPlaced.Should().BeTrue();
        anchor.Quote.Should().Be("营业执照复印件");
        anchor.Length.Should().Be(7);
        anchor.Path.Should().BeNull();
    }

    [Fact]
    public void AsksForMore_GivenQuoteOccurringTwice()
    {
        var twice = Measures.Resolve(null, "五个工作日");
        var narrowed = Measures.Resolve("第四条", "五个工作日");

        twice.IsPlaced.Should().BeFalse();
        twice.Field.Should().Be("quote");
        twice.Error.Should().Contain("2");
        narrowed.IsPlaced.Should().BeTrue();
        narrowed.Path.Should().Be("第四条");
        narrowed.Start.Should().BeGreaterThan(0);
    }

    [Fact]
    public void RefusesQuote_GivenTextNotInDraftOrOutsidePath()
    {
        Measures.Resolve(null, "十个工作日").Field.Should().Be("quote");
        Measures.Resolve("第一条", "营业执照").IsPlaced.Should().BeFalse("the quote is in 第三条, not 第一条");
    }
}
