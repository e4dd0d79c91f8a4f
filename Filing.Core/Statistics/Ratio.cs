namespace Filing.Core.Statistics;

/// <summary>Ratios and medians as the statistics report them: null when there is nothing to divide by.</summary>
public static class Ratio
{
    /// <summary><paramref name="numerator"/> ÷ <paramref name="denominator"/>, rounded to 4 decimals; null when the denominator is 0.</summary>
    public static decimal? Of(int numerator, int denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        return denominator == 0 ? null : Math.Round((decimal)numerator / denominator, 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the two middle values for an even count); null when empty.</summary>
    public static double? Median(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
