using Filing.Core.Text;

namespace Filing.Tests.Text;

public class QuotationScannerTests
{
    [Fact]
    public void FindsBalancedQuotesIncludingNested()
    {
        const string text = "不得出现“本地企业‘优先’”和\"限男性\"等表述";

        var quotes = QuotationScanner.FindQuotes(text).Select(q => text.Substring(q.Start, q.Length));

        quotes.Should().BeEquivalentTo(["优先", "本地企业‘优先’", "限男性"]);
    }

    [Fact]
    public void IgnoresUnbalancedOpeningMark()
    {
        QuotationScanner.FindQuotes("他说“本地企业优先，外地企业不得参加").Should().BeEmpty();
    }

    [Fact]
    public void FindsBookTitles()
    {
        const string text = "依据《中华人民共和国合同法》和《关于印发〈实施纲要〉的通知》";

        var titles = QuotationScanner.FindTitles(text).Select(q => text.Substring(q.Start, q.Length));

        titles.Should().Contain(["中华人民共和国合同法", "实施纲要", "关于印发〈实施纲要〉的通知"]);
    }
}
