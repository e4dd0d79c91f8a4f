using Filing.Core.Text;

namespace Filing.Tests.Text;

public class ChineseNumeralsTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("二十一", 21)]
    [InlineData("一百", 100)]
    [InlineData("一百零五", 105)]
    [InlineData("一百一十", 110)]
    [InlineData("一百十", 110)]
    [InlineData("一百二十三", 123)]
    [InlineData("两百", 200)]
    [InlineData("一千零五", 1005)]
    [InlineData("一千零一十", 1010)]
    [InlineData("三千四百五十六", 3456)]
    [InlineData("二十万", 200_000)]
    [InlineData("十万零一十", 100_010)]
    [InlineData("二〇一八", 2018)]
    [InlineData("二○一八", 2018)]
    [InlineData("二零一八", 2018)]
    [InlineData("贰拾", 20)]
    public void Parses_GivenChineseNumeral(string text, int expected)
    {
        ChineseNumerals.TryParse(text, out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("三四百")]
    [InlineData("十百")]
    [InlineData("百百")]
    [InlineData("一二三四五六七八九一二三")]
    [InlineData("第一")]
    [InlineData("abc")]
    public void Rejects_GivenMalformedOrForeignText(string text) =>
        ChineseNumerals.TryParse(text, out _).Should().BeFalse();

    [Theory]
    [InlineData("12", 12)]
    [InlineData("１２", 12)]
    [InlineData("十二", 12)]
    [InlineData("007", 7)]
    public void ParsesNumber_GivenArabicOrChinese(string text, int expected)
    {
        ChineseNumerals.TryParseNumber(text, out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Theory]
    [InlineData(0, "零")]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(105, "一百零五")]
    [InlineData(110, "一百一十")]
    [InlineData(123, "一百二十三")]
    [InlineData(1005, "一千零五")]
    [InlineData(1010, "一千零一十")]
    [InlineData(100_010, "十万零一十")]
    [InlineData(120_000, "十二万")]
    public void Formats_GivenNumber(int value, string expected) => ChineseNumerals.Format(value).Should().Be(expected);

    [Fact]
    public void RoundTrips_GivenEveryNumberUpToTenThousand()
    {
        for (var i = 1; i <= 10_000; i++)
        {
            ChineseNumerals.TryParse(ChineseNumerals.Format(i), out var back).Should().BeTrue();
            back.Should().Be(i);
        }
    }

    [Fact]
    public void FormatsDigitByDigit_GivenYear() => ChineseNumerals.FormatDigits(2018).Should().Be("二〇一八");

    [Fact]
    public void Throws_GivenNegative() => FluentActions.Invoking(() => ChineseNumerals.Format(-1)).Should().Throw<ArgumentOutOfRangeException>();
}
