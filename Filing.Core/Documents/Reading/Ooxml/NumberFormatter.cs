using System.Globalization;
using System.Text;

namespace Filing.Core.Documents.Reading.Ooxml;

/// <summary>
/// Renders a list counter in a WordprocessingML number format (<c>w:numFmt</c>, ECMA-376 §17.18.59) as Word shows it:
/// 第<b>十一</b>条, （<b>三</b>）, <b>①</b>, <b>壹拾</b>…
/// </summary>
/// <remarks>
/// Checked against LibreOffice 7.4's rendering of the same numbering.xml for values 1…12345, except where LibreOffice
/// departs from Word: it renders decimalFullWidth as ASCII digits and japaneseCounting with 零 and 一百.
/// Formats with a fixed symbol set (甲乙丙…, 子丑寅…, ①…㊿) fall back to decimal past their last symbol, as LibreOffice does.
/// </remarks>
internal static class NumberFormatter
{
    private const string ChineseDigits = "〇一二三四五六七八九";
    private const string LegalDigits = "零壹贰叁肆伍陆柒捌玖";
    private const string HeavenlyStems = "甲乙丙丁戊己庚辛壬癸";
    private const string EarthlyBranches = "子丑寅卯辰巳午未申酉戌亥";

    public static string Format(int value, string? format, string? customFormat = null)
    {
        switch (format)
        {
            case null or "decimal" or "decimalHalfWidth" or "arabicAbjad":
                return Decimal(value);
            case "decimalZero":
                return value is >= 0 and < 10 ? "0" + Decimal(value) : Decimal(value);
            case "decimalFullWidth" or "decimalFullWidth2":
                return FullWidth(Decimal(value));
            case "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" or "ideographEnclosedCircle":
                return EnclosedCircle(value);
            case "decimalEnclosedFullstop":
                return value is >= 1 and <= 20 ? ((char)(0x2488 + value - 1)).ToString() : Decimal(value);
            case "decimalEnclosedParen":
                return value is >= 1 and <= 20 ? ((char)(0x2474 + value - 1)).ToString() : Decimal(value);
            case "chineseCounting" or "chineseCountingThousand" or "ideographLegalTraditional" when value < 0:
                return Decimal(value);
            case "chineseCounting" or "chineseCountingThousand":
                return ChineseCounting(value, "〇一二三四五六七八九", "十百千", "万", "亿", zero: '零');
            case "taiwaneseCounting" or "taiwaneseCountingThousand":
                return ChineseCounting(value, "〇一二三四五六七八九", "十百千", "萬", "億", zero: '零');
            case "chineseLegalSimplified":
                return ChineseCounting(value, LegalDigits, "拾佰仟", "万", "亿", zero: '零', leadingOneBeforeTen: true);
            case "ideographLegalTraditional":
                return ChineseCounting(value, "零壹貳參肆伍陸柒捌玖", "拾佰仟", "萬", "億", zero: '零', leadingOneBeforeTen: true);
            case "japaneseCounting":
                return JapaneseCounting(value);
            case "japaneseLegal":
                return ChineseCounting(value, "〇壱弐参四伍六七八九", "拾百阡", "萬", "億", zero: null, leadingOneBeforeTen: true);
            case "ideographDigital" or "taiwaneseDigital" or "japaneseDigitalTenThousand":
                return Digitwise(value, ChineseDigits);
            case "ideographTraditional":
                return value is >= 1 and <= 10 ? HeavenlyStems[value - 1].ToString() : Decimal(value);
            case "ideographZodiac":
                return value is >= 1 and <= 12 ? EarthlyBranches[value - 1].ToString() : Decimal(value);
            case "upperLetter":
                return Letters(value, 'A');
            case "lowerLetter":
                return Letters(value, 'a');
            case "upperRoman":
                return Roman(value);
            case "lowerRoman":
                return Roman(value).ToLowerInvariant();
            case "ordinal":
                return Ordinal(value);
            case "none" or "bullet":
                return "";
            case "custom":
                return Custom(value, customFormat);
            default:
                // Formats Word supports but normative documents do not use (hebrew1, thaiNumbers, cardinalText…): the
                // counter is still right, only its script differs.
                return Decimal(value);
        }
    }

    private static string Decimal(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FullWidth(string digits)
    {
        var chars = digits.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '0' and <= '9')
            {
                chars[i] = (char)('０' + (chars[i] - '0'));
            }
        }

        return new string(chars);
    }

    private static string EnclosedCircle(int value) => value switch
    {
        >= 1 and <= 20 => ((char)(0x2460 + value - 1)).ToString(),
        >= 21 and <= 35 => ((char)(0x3251 + value - 21)).ToString(),
        >= 36 and <= 50 => ((char)(0x32B1 + value - 36)).ToString(),
        _ => Decimal(value),
    };

    /// <summary>
    /// Chinese numerals with positional units: 十一, 二十, 一百零一, 一千零一十, 一万二千三百四十五. Ten to nineteen
    /// drop the leading 一 (十一, not 一十一) except in the legal (大写) forms, which always write it (壹拾壹).
    /// </summary>
    private static string ChineseCounting(int value, string digits, string units, string tenThousand, string hundredMillion,
        char? zero, bool leadingOneBeforeTen = false)
    {
        if (value == 0)
        {
            return zero?.ToString() ?? digits[0].ToString();
        }

        var sb = new StringBuilder();
        var groups = new[] { value / 100_000_000, value / 10_000 % 10_000, value % 10_000 };
        var groupUnits = new[] { hundredMillion, tenThousand, "" };
        var pendingZero = false;
        var started = false;
        for (var g = 0; g < 3; g++)
        {
            var group = groups[g];
            if (group == 0)
            {
                pendingZero |= started;
                continue;
            }

            if (started && group < 1000)
            {
                pendingZero = true;
            }

            AppendGroup(sb, group, digits, units, zero, ref pendingZero, leadingOne: started || leadingOneBeforeTen);
            sb.Append(groupUnits[g]);
            started = true;
            pendingZero = false;
        }

        return sb.ToString();
    }

    private static void AppendGroup(StringBuilder sb, int group, string digits, string units, char? zero, ref bool pendingZero, bool leadingOne)
    {
        var place = new[] { group / 1000, group / 100 % 10, group / 10 % 10, group % 10 };
        var any = false;
        for (var i = 0; i < 4; i++)
        {
            var d = place[i];
            if (d == 0)
            {
                pendingZero |= any;
                continue;
            }

            if (pendingZero && zero is { } z)
            {
                sb.Append(z);
            }

            pendingZero = false;
            var unitIndex = 3 - i; // 3 = 千, 2 = 百, 1 = 十, 0 = ones
            var omitOne = d == 1 && unitIndex == 1 && !any && !leadingOne && sb.Length == 0;
            if (!omitOne)
            {
                sb.Append(digits[d]);
            }

            if (unitIndex > 0)
            {
                sb.Append(units[unitIndex - 1]);
            }

            any = true;
        }
    }

    /// <summary>Japanese counting: no 零 and no 一 before 十, 百 and 千 (百一, 千十, 二千二十四).</summary>
    private static string JapaneseCounting(int value)
    {
        if (value <= 0)
        {
            return Decimal(value);
        }

        var sb = new StringBuilder();
        if (value >= 10_000)
        {
            sb.Append(JapaneseCounting(value / 10_000)).Append('万');
            value %= 10_000;
        }

        (int Unit, char Name)[] places = [(1000, '千'), (100, '百'), (10, '十')];
        foreach (var (unit, name) in places)
        {
            var d = value / unit;
            if (d > 0)
            {
                if (d > 1)
                {
                    sb.Append(ChineseDigits[d]);
                }

                sb.Append(name);
            }

            value %= unit;
        }

        if (value > 0)
        {
            sb.Append(ChineseDigits[value]);
        }

        return sb.ToString();
    }

    private static string Digitwise(int value, string digits)
    {
        var s = Decimal(value);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c is >= '0' and <= '9' ? digits[c - '0'] : c);
        }

        return sb.ToString();
    }

    /// <summary>A, B, … Z, AA, BB, … ZZ, AAA: Word repeats the letter rather than counting in base 26.</summary>
    private static string Letters(int value, char a)
    {
        if (value <= 0)
        {
            return Decimal(value);
        }

        var letter = (char)(a + ((value - 1) % 26));
        var count = ((value - 1) / 26) + 1;
        return count > 100 ? Decimal(value) : new string(letter, count);
    }

    private static string Roman(int value)
    {
        if (value <= 0 || value > 100_000)
        {
            return Decimal(value);
        }

        (int Value, string Symbol)[] table =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new StringBuilder();
        foreach (var (v, symbol) in table)
        {
            while (value >= v)
            {
                sb.Append(symbol);
                value -= v;
            }
        }

        return sb.ToString();
    }

    private static string Ordinal(int value)
    {
        var suffix = (value % 100) is 11 or 12 or 13 ? "th" : (value % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return Decimal(value) + suffix;
    }

    /// <summary>
    /// Word 2010's custom formats (<c>w:numFmt w:val="custom" w:format="001, 002, 003, ..."</c>): zero-padded decimal is
    /// the one in use; anything else is rendered as decimal.
    /// </summary>
    private static string Custom(int value, string? customFormat)
    {
        if (customFormat is not null)
        {
            var first = customFormat.Split(',')[0].Trim();
            if (first.Length > 1 && first.All(char.IsAsciiDigit) && first.TrimStart('0') == "1")
            {
                return Decimal(value).PadLeft(first.Length, '0');
            }
        }

        return Decimal(value);
    }
}
