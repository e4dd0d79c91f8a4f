using System.Globalization;
using System.Text.RegularExpressions;

namespace Filing.Core.Text;

/// <summary>A calendar date found in a text: where it is and what it says.</summary>
/// <param name="Index">Offset of the first character in the searched text.</param>
/// <param name="Length">Number of characters the date occupies.</param>
/// <param name="Date">The date.</param>
public readonly record struct DateMention(int Index, int Length, DateOnly Date);

/// <summary>
/// Dates as written in Chinese official documents: 2018年8月6日, 2018年08月06日, 2018 年 8 月 6 日,
/// 二〇一八年八月六日 (also with ○ or 零), full-width digits, and the numeric forms 2018.8.6, 2018-8-6, 2018/8/6.
/// Only complete, valid calendar dates are recognised (2018年2月30日 is not a date).
/// </summary>
public static partial class ChineseDates
{
    // Every date form holds one of these; text without any is skipped without running a regex.
    private static readonly System.Buffers.SearchValues<char> DateMarks = System.Buffers.SearchValues.Create("年.．/／-－");

    /// <summary>Parses <paramref name="text"/> when, apart from surrounding whitespace, it is exactly one date.</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.AsSpan().Trim();

        // A date alone starts with a digit and ends with 日, 号 or a digit: most text is rejected without a regex.
        if (trimmed.Length is < 6 or > 32 || !(ChineseNumerals.IsNumeralChar(trimmed[0]) || ChineseNumerals.IsArabicDigit(trimmed[0]))
            || !(trimmed[^1] is '日' or '号' || ChineseNumerals.IsArabicDigit(trimmed[^1])))
        {
            return false;
        }

        var mentions = FindAll(trimmed.ToString());
        if (mentions.Count == 1 && mentions[0].Index == 0 && mentions[0].Length == trimmed.Length)
        {
            date = mentions[0].Date;
            return true;
        }

        return false;
    }

    /// <summary>Finds every date in <paramref name="text"/>, in order of position, without overlaps.</summary>
    public static IReadOnlyList<DateMention> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasDateMark(text))
        {
            return [];
        }

        var found = new List<DateMention>();
        AddMatches(found, ArabicDate().Matches(text));
        AddMatches(found, ChineseDate().Matches(text));
        AddMatches(found, NumericDate().Matches(text));
        if (found.Count > 1)
        {
            found.Sort((a, b) => a.Index.CompareTo(b.Index));
            for (var i = found.Count - 1; i > 0; i--)
            {
                if (found[i].Index < found[i - 1].Index + found[i - 1].Length)
                {
                    found.RemoveAt(i);
                }
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="text"/> holds a character every date form needs (年 . / -); cheap prefilter.</summary>
    internal static bool HasDateMark(ReadOnlySpan<char> text) => text.IndexOfAny(DateMarks) >= 0;

    /// <summary>The GB/T 9704 form of a 成文日期: Arabic numerals, full year, no leading zeros (2018年8月6日).</summary>
    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static void AddMatches(List<DateMention> found, MatchCollection matches)
    {
        foreach (Match m in matches)
        {
            if (TryNumber(m.Groups["y"].ValueSpan, out var y)
                && TryNumber(m.Groups["m"].ValueSpan, out var mo)
                && TryNumber(m.Groups["d"].ValueSpan, out var d)
                && y is >= 1000 and <= 9999 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
            {
                found.Add(new DateMention(m.Index, m.Length, new DateOnly(y, mo, d)));
            }
        }
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out int value) => ChineseNumerals.TryParseNumber(text, out value);

    [GeneratedRegex(@"(?<![0-9０-９])(?<y>[0-9０-９]{4})[ \u3000]*年[ \u3000]*(?<m>[0-9０-９]{1,2})[ \u3000]*月[ \u3000]*(?<d>[0-9０-９]{1,2})[ \u3000]*[日号]")]
    private static partial Regex ArabicDate();

    [GeneratedRegex(@"(?<y>[〇○零OＯ一二三四五六七八九]{4})[ \u3000]*年[ \u3000]*(?<m>十[一二]?|[一二三四五六七八九])[ \u3000]*月[ \u3000]*(?<d>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[ \u3000]*[日号]")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?<![0-9０-９.．/／\-－])(?<y>[0-9０-９]{4})(?<sep>[.．/／\-－])(?<m>[0-9０-９]{1,2})\k<sep>(?<d>[0-9０-９]{1,2})(?![0-9０-９.．/／])")]
    private static partial Regex NumericDate();
}
