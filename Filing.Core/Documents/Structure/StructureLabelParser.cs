using System.Globalization;
using Filing.Core.Text;

namespace Filing.Core.Documents.Structure;

/// <summary>
/// Recognises the structure label a paragraph starts with: 第X部分/章/节/条 (Chinese or Arabic numbers),
/// 一、, （一）, 1. / 1、 / 1．, （1） / 1）, ①. Full-width and half-width brackets and digits are equivalent.
/// Whether a label is accepted in context (sequence, form) is decided by the caller.
/// </summary>
internal static class StructureLabelParser
{
    private const int MaxNumeralLength = 16;

    public static StructureLabel? Parse(string text)
    {
        var s = SkipSpaces(text, 0);
        if (s >= text.Length)
        {
            return null;
        }

        var c = text[s];
        if (c == '第')
        {
            return ParseOrdinal(text, s);
        }

        if (c is '（' or '(')
        {
            return ParseBracketed(text, s);
        }

        if (c is >= '\u2460' and <= '\u2473')
        {
            var end = SkipSpaces(text, s + 1);
            return new StructureLabel(LabelKind.Level5, c - '\u2460' + 1, c.ToString(), s, 1, end, true);
        }

        if (ChineseNumerals.IsArabicDigit(c))
        {
            return ParseArabic(text, s);
        }

        if (c >= '\u3000' && ChineseNumerals.IsNumeralChar(c))
        {
            return ParseChineseEnumeration(text, s);
        }

        return null;
    }

    private static StructureLabel? ParseOrdinal(string text, int s)
    {
        var i = SkipSpaces(text, s + 1);
        var numStart = i;
        while (i < text.Length && i - numStart <= MaxNumeralLength && IsNumberChar(text[i]))
        {
            i++;
        }

        var numEnd = i;
        if (numEnd == numStart || numEnd - numStart > MaxNumeralLength)
        {
            return null;
        }

        i = SkipSpaces(text, i);
        if (i >= text.Length)
        {
            return null;
        }

        LabelKind kind;
        int labelEnd;
        string suffix;
        switch (text[i])
        {
            case '章':
                kind = LabelKind.Chapter;
                labelEnd = i + 1;
                suffix = "章";
                break;
            case '节':
                kind = LabelKind.Section;
                labelEnd = i + 1;
                suffix = "节";
                break;
            case '条':
                kind = LabelKind.Article;
                labelEnd = i + 1;
                suffix = "条";
                break;
            case '部' when i + 1 < text.Length && text[i + 1] == '分':
                kind = LabelKind.Part;
                labelEnd = i + 2;
                suffix = "部分";
                break;
            default:
                return null;
        }

        var numeral = text.AsSpan(numStart, numEnd - numStart);
        if (!ChineseNumerals.TryParseNumber(numeral, out var number) || number <= 0)
        {
            return null;
        }

        var contentStart = SkipSpaces(text, labelEnd);
        var hasSeparator = contentStart > labelEnd || contentStart >= text.Length || text[labelEnd] is '：' or ':' or '.' or '．' or '、';
        if (contentStart < text.Length && text[contentStart] is '：' or ':' or '、' or '．')
        {
            contentStart = SkipSpaces(text, contentStart + 1);
        }

        var canonical = "第" + HalfWidth(numeral) + suffix;
        return new StructureLabel(kind, number, canonical, s, labelEnd - s, contentStart, hasSeparator);
    }

    private static StructureLabel? ParseBracketed(string text, int s)
    {
        var i = SkipSpaces(text, s + 1);
        var numStart = i;
        var arabic = i < text.Length && ChineseNumerals.IsArabicDigit(text[i]);
        while (i < text.Length && i - numStart <= 4
            && (arabic ? ChineseNumerals.IsArabicDigit(text[i]) : text[i] >= '\u3000' && ChineseNumerals.IsNumeralChar(text[i])))
        {
            i++;
        }

        var numEnd = i;
        if (numEnd == numStart || numEnd - numStart > (arabic ? 3 : 4))
        {
            return null;
        }

        i = SkipSpaces(text, i);
        if (i >= text.Length || text[i] is not ('）' or ')'))
        {
            return null;
        }

        var numeral = text.AsSpan(numStart, numEnd - numStart);
        if (!ChineseNumerals.TryParseNumber(numeral, out var number) || number <= 0)
        {
            return null;
        }

        var labelEnd = i + 1;
        var contentStart = SkipSpaces(text, labelEnd);
        var canonical = arabic ? $"（{number.ToString(CultureInfo.InvariantCulture)}）" : $"（{numeral}）";
        return new StructureLabel(arabic ? LabelKind.Level4 : LabelKind.Level2, number, canonical, s, labelEnd - s, contentStart, true);
    }

    private static StructureLabel? ParseArabic(string text, int s)
    {
        var i = s;
        while (i < text.Length && i - s <= 3 && ChineseNumerals.IsArabicDigit(text[i]))
        {
            i++;
        }

        if (i - s > 3 || i >= text.Length)
        {
            return null;
        }

        var punct = text[i];
        var kind = punct switch
        {
            '.' or '．' or '、' => LabelKind.Level3,
            '）' or ')' => LabelKind.Level4,
            _ => (LabelKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        // 1.5倍, 2.3万元: a decimal, not a label.
        if (i + 1 < text.Length && ChineseNumerals.IsArabicDigit(text[i + 1]))
        {
            return null;
        }

        if (!ChineseNumerals.TryParseNumber(text.AsSpan(s, i - s), out var number) || number <= 0)
        {
            return null;
        }

        var labelEnd = i + 1;
        var contentStart = SkipSpaces(text, labelEnd);
        var n = number.ToString(CultureInfo.InvariantCulture);
        var canonical = kind == LabelKind.Level3 ? n + "." : $"（{n}）";
        return new StructureLabel(kind.Value, number, canonical, s, labelEnd - s, contentStart, true);
    }

    private static StructureLabel? ParseChineseEnumeration(string text, int s)
    {
        var i = s;
        while (i < text.Length && i - s <= 4 && text[i] >= '\u3000' && ChineseNumerals.IsNumeralChar(text[i]))
        {
            i++;
        }

        if (i - s > 4 || i >= text.Length || text[i] is not ('、' or '．'))
        {
            return null;
        }

        var numeral = text.AsSpan(s, i - s);
        if (!ChineseNumerals.TryParse(numeral, out var number) || number <= 0)
        {
            return null;
        }

        var labelEnd = i + 1;
        var contentStart = SkipSpaces(text, labelEnd);
        return new StructureLabel(LabelKind.Level1, number, numeral.ToString() + "、", s, labelEnd - s, contentStart, true);
    }

    private static bool IsNumberChar(char c) => ChineseNumerals.IsArabicDigit(c) || (c >= '\u3000' && ChineseNumerals.IsNumeralChar(c));

    private static string HalfWidth(ReadOnlySpan<char> numeral)
    {
        Span<char> buffer = stackalloc char[numeral.Length];
        var n = 0;
        foreach (var c in numeral)
        {
            if (TextShape.IsLayoutSpace(c))
            {
                continue;
            }

            buffer[n++] = c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c;
        }

        return new string(buffer[..n]);
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && TextShape.IsLayoutSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
