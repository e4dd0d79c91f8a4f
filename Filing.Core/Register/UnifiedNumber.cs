using System.Globalization;
using System.Text.RegularExpressions;

namespace Filing.Core.Register;

/// <summary>
/// 统一编号 in the Zhejiang form <c>XXXXnn-YYYY-NNNN</c>, e.g. <c>CYQD00-2020-0006</c>: the issuing authority's prefix
/// (four capital letters and two digits; data, never code), the registration year and a gap-free yearly sequence.
/// </summary>
/// <param name="Prefix">Issuing-authority prefix, e.g. CYQD00.</param>
/// <param name="Year">Registration year.</param>
/// <param name="Sequence">1-based sequence within prefix and year.</param>
public sealed partial record UnifiedNumber(string Prefix, int Year, int Sequence)
{
    /// <summary>The largest sequence the four-digit form can hold.</summary>
    public const int MaxSequence = 9999;

    /// <summary>The canonical text, e.g. CYQD00-2020-0006.</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:D4}-{Sequence:D4}");

    /// <summary>Whether <paramref name="prefix"/> is a valid prefix (<c>^[A-Z]{4}\d{2}$</c>).</summary>
    public static bool IsValidPrefix(string? prefix) => prefix is not null && PrefixPattern().IsMatch(prefix);

    /// <summary>Whether <paramref name="text"/> is a unified number (<c>^[A-Z]{4}\d{2}-\d{4}-\d{4}$</c>).</summary>
    public static bool IsValid(string? text) => text is not null && NumberPattern().IsMatch(text);

    /// <summary>Builds the number, checking the parts.</summary>
    /// <exception cref="ArgumentException">A part is out of range.</exception>
    public static UnifiedNumber Create(string prefix, int year, int sequence)
    {
        if (!IsValidPrefix(prefix))
        {
            throw new ArgumentException($"'{prefix}' is not a unified-number prefix.", nameof(prefix));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return new UnifiedNumber(prefix, year, sequence);
    }

    /// <summary>Parses the canonical text.</summary>
    /// <exception cref="FormatException">Not a unified number.</exception>
    public static UnifiedNumber Parse(string text) =>
        IsValid(text)
            ? new UnifiedNumber(text[..6], int.Parse(text.AsSpan(7, 4), CultureInfo.InvariantCulture), int.Parse(text.AsSpan(12, 4), CultureInfo.InvariantCulture))
            : throw new FormatException($"'{text}' is not a unified number like CYQD00-2020-0006.");

    /// <inheritdoc />
    public override string ToString() => Text;

    [GeneratedRegex(@"^[A-Z]{4}[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"^[A-Z]{4}[0-9]{2}-[0-9]{4}-[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
