using Filing.Core.Text;

namespace Filing.Tests.Text;

public class ChineseDatesTests
{
    [Theory]
    [InlineData("2018年8月6日")]
    [InlineData("2018年08月06日")]
    [InlineData("2018 年 8 月 6 日")]
    [InlineData("２０１８年８月６日")]
    [InlineData("二〇一八年八月六日")]
    [InlineData("二○一八年八月六日")]
    [InlineData("二零一八年八月六日")]
    [InlineData("2018.8.6")]
    [InlineData("2018.08.06")]
    [InlineData("2018-8-6")]
    [InlineData("2018/8/6")]
    [InlineData("　2018年8月6日　")]
    public void Parses_GivenDateAlone(string text)
    {
        ChineseDates.TryParse(text, out var date).Should().BeTrue();
        date.Should().Be(new DateOnly(2018, 8, 6));
    }

    [Theory]
    [InlineData("二〇一八年十二月三十一日", 2018, 12, 31)]
    [InlineData("二〇二〇年二月二十九日", 2020, 2, 29)]
    [InlineData("2019年1月1日", 2019, 1, 1)]
    public void Parses_GivenOtherDates(string text, int y, int m, int d)
    {
        ChineseDates.TryParse(text, out var date).Should().BeTrue();
        date.Should().Be(new DateOnly(y, m, d));
    }

    [Theory]
    [InlineData("2018年2月30日")]
    [InlineData("2019年2月29日")]
    [InlineData("2018年13月1日")]
    [InlineData("2018年8月")]
    [InlineData("2018年8月6日印发")]
    [InlineData("1.5.2")]
    [InlineData("")]
    public void Rejects_GivenNoSingleValidDate(string text) => ChineseDates.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void FindsEveryDate_GivenSentence()
    {
        const string text = "有效期自2018年9月1日至二〇二一年八月三十一日，另见2018.10.1。";

        var found = ChineseDates.FindAll(text);

        found.Select(f => f.Date).Should().Equal(new DateOnly(2018, 9, 1), new DateOnly(2021, 8, 31), new DateOnly(2018, 10, 1));
        text.Substring(found[0].Index, found[0].Length).Should().Be("2018年9月1日");
        text.Substring(found[1].Index, found[1].Length).Should().Be("二〇二一年八月三十一日");
    }

    [Fact]
    public void IgnoresDecimalsAndVersionNumbers_GivenNumericText() =>
        ChineseDates.FindAll("增长1.5倍，版本2018.8.6.1，比例12.5%").Should().BeEmpty();

    [Fact]
    public void FormatsWithoutLeadingZeros_GivenDate() => ChineseDates.Format(new DateOnly(2018, 8, 6)).Should().Be("2018年8月6日");
}
