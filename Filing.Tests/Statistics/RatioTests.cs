using Filing.Core.Statistics;

namespace Filing.Tests.Statistics;

public class RatioTests
{
    [Theory]
    [InlineData(8, 9, "0.8889")]
    [InlineData(4, 9, "0.4444")]
    [InlineData(3, 4, "0.75")]
    [InlineData(0, 5, "0")]
    [InlineData(1, 1, "1")]
    public void Of_RoundsToFourDecimals_GivenCounts(int numerator, int denominator, string expected) =>
        Ratio.Of(numerator, denominator).Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Of_IsNull_GivenZeroDenominator() => Ratio.Of(0, 0).Should().BeNull();

    [Fact]
    public void Median_TakesMiddleOrMeanOfTwo_GivenOddOrEvenCount()
    {
        Ratio.Median([9, 1, 5]).Should().Be(5);
        Ratio.Median([4, 1, 10, 3]).Should().Be(3.5);
        Ratio.Median([]).Should().BeNull();
    }

    [Fact]
    public void FilingCounts_DefineTheRatios_GivenHandCount()
    {
        var counts = new FilingCounts(Due: 9, Filed: 8, FiledOnTime: 4, Overdue: 1, Reviewed: 4, NoProblem: 1, CorrectionRequired: 2, Revoked: 1,
            CorrectionsCompleted: 1, CorrectionsOverdue: 1);

        counts.FilingRate.Should().Be(0.8889m);
        counts.TimelyFilingRate.Should().Be(0.4444m);
        counts.CorrectionRate.Should().Be(0.75m);
        counts.CorrectionCompletionRate.Should().Be(0.5m);
    }
}
