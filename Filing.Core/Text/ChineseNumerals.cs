using System.Text;

namespace Filing.Core.Text;

/// <summary>
/// Chinese numerals (中文数字) as written in structure labels and dates: the counting form
/// (十二, 一百二十三, 一千零五, 两) and the digit-by-digit form used for years (二〇一八, 二○一八).
/// Arabic digits, full-width or half-width, are accepted wherever a number is.
/// </summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>
    /// Parses a Chinese numeral: counting form (一百二十三 → 123, 十二 → 12, 两千 → 2000) up to 九千九百九十九万…,
    /// or digit-by-digit form when no unit character occurs (二〇一八 → 2018).
    /// </summary>
    /// <returns>False when <paramref name="text"/> is empty, holds other characters, or is malformed (e.g. 三四百).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        var hasUnit = false;
        foreach (var c in text)
        {
            if (UnitValue(c) > 0)
            {
                hasUnit = true;
            }
            else if (DigitValue(c) < 0)
            {
                return false;
            }
        }

        return hasUnit ? TryParseCounting(text, out value) : TryParseDigitByDigit(text, out value);
    }

    /// <summary>
    /// Parses a number written either in Arabic digits (half- or full-width: 12, １２) or in Chinese (十二).
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        if (IsArabicDigit(text[0]))
        {
            if (text.Length > 9)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!IsArabicDigit(c))
                {
                    return false;
                }

                value = (value * 10) + ArabicDigitValue(c);
            }

            return true;
        }

        return TryParse(text, out value);
    }

    /// <summary>Formats in counting form as in 第一百二十三条: 10 → 十, 12 → 十二, 105 → 一百零五, 110 → 一百一十.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="value"/> is negative or above 99,999,999.</exception>
    public static string Format(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 99_999_999);
        if (value == 0)
        {
            return "零";
        }

        var sb = new StringBuilder();
        var high = value / 10_000;
        var low = value % 10_000;
        if (high > 0)
        {
            AppendBelowTenThousand(sb, high, leading: true);
            sb.Append('万');
            if (low > 0)
            {
                if (low < 1000)
                {
                    sb.Append('零');
                }

                AppendBelowTenThousand(sb, low, leading: false);
            }
        }
        else
        {
            AppendBelowTenThousand(sb, low, leading: true);
        }

        return sb.ToString();
    }

    /// <summary>Formats digit by digit as years are written in Chinese dates: 2018 → 二〇一八.</summary>
    public static string FormatDigits(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c == '0' ? '〇' : Digits[c - '0']);
        }

        return sb.ToString();
    }

    /// <summary>Whether <paramref name="c"/> can be part of a Chinese numeral (digits, 两, 〇 and the units 十百千万).</summary>
    public static bool IsNumeralChar(char c) => DigitValue(c) >= 0 || UnitValue(c) > 0;

    /// <summary>Whether <paramref name="c"/> is an Arabic digit, half-width (0–9) or full-width (０–９).</summary>
    public static bool IsArabicDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    /// <summary>Value of an Arabic digit, half- or full-width; -1 otherwise.</summary>
    public static int ArabicDigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => -1,
    };

    private static bool TryParseDigitByDigit(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length > 9)
        {
            return false;
        }

        foreach (var c in text)
        {
            value = (value * 10) + DigitValue(c);
        }

        return true;
    }

    private static bool TryParseCounting(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        long total = 0;   // completed 万 groups
        long section = 0; // below 万
        var digit = -1;   // pending digit, -1 when none
        var lastUnit = int.MaxValue;
        var afterZero = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var d = DigitValue(c);
            if (d >= 0)
            {
                // Two digits in a row are only valid as 零 + digit (一百零五).
                if (digit >= 0 && !(digit == 0 && d > 0))
                {
                    return false;
                }

                afterZero = d == 0;
                digit = d;
                continue;
            }

            var unit = UnitValue(c);
            if (unit == 10_000)
            {
                section += digit > 0 ? digit : 0;
                if (section == 0 && total == 0)
                {
                    return false;
                }

                total = (total + section) * 10_000;
                section = 0;
                digit = -1;
                lastUnit = int.MaxValue;
                continue;
            }

            if (digit < 0 || (digit == 0 && afterZero))
            {
                // Only 十 may stand without a digit, and only at the start of a group (十二, 一百十 is tolerated).
                if (unit != 10 || (digit == 0 && afterZero))
                {
                    return false;
                }

                digit = 1;
            }

            if (unit >= lastUnit)
            {
                return false; // 十百, 百百
            }

            section += digit * unit;
            lastUnit = unit;
            digit = -1;
            afterZero = false;
        }

        if (digit > 0)
        {
            section += digit;
        }

        var result = total + section;
        if (result is <= 0 or > int.MaxValue)
        {
            return false;
        }

        value = (int)result;
        return true;
    }

    private static void AppendBelowTenThousand(StringBuilder sb, int value, bool leading)
    {
        ReadOnlySpan<int> units = [1000, 100, 10, 1];
        const string names = "千百十";
        var started = false;
        var pendingZero = false;
        for (var i = 0; i < units.Length; i++)
        {
            var d = value / units[i] % 10;
            if (d == 0)
            {
                pendingZero |= started;
                continue;
            }

            if (pendingZero)
            {
                sb.Append('零');
                pendingZero = false;
            }

            // 十二, not 一十二, when 十 leads the whole number.
            if (!(leading && !started && i == 2 && d == 1))
            {
                sb.Append(Digits[d]);
            }

            if (i < 3)
            {
                sb.Append(names[i]);
            }

            started = true;
        }
    }

    private static int DigitValue(char c) => c switch
    {
        '零' or '〇' or '○' or 'Ｏ' or 'O' or 'o' or '０' or '0' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    private static int UnitValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        '万' or '萬' => 10_000,
        _ => 0,
    };
}
