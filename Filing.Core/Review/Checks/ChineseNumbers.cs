using System.Globalization;

namespace Filing.Core.Review.Checks;

/// <summary>Chinese numerals and dates as written in documents: 三十, 二〇一八年八月六日, 2018年8月6日.</summary>
internal static class ChineseNumbers
{
    /// <summary>Parses Arabic digits or Chinese numerals up to 九千九百九十九 (十二, 二十, 一百零五, 〇/零 as digits).</summary>
    public static int? Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var arabic))
        {
            return arabic;
        }

        // Digit-by-digit years: 二〇一八.
        if (text.Length == 4 && text.All(c => Digit(c) >= 0))
        {
            return text.Aggregate(0, (acc, c) => acc * 10 + Digit(c));
        }

        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            var d = Digit(c);
            if (d >= 0)
            {
                current = d;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                return null;
            }

            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }

        return total + current;
    }

    /// <summary>Parses a year/month/day triple of Arabic or Chinese numerals into a date, or null.</summary>
    public static DateOnly? Date(string year, string month, string day)
    {
        if (Parse(year) is not { } y || Parse(month) is not { } m || Parse(day) is not { } d)
        {
            return null;
        }

        if (y < 100)
        {
            return null;
        }

        return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    private static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        '〇' or '零' or 'Ｏ' or 'O' or '○' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
