using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Filing.Core.Text;

namespace Filing.Core.Participation;

/// <summary>
/// Normalises a structure path typed by a person into the reader's form, so that 第3条, 第三条 and "第三条 " name the
/// same article, 二(三) and 二、（三） the same heading, and 第三条第二款第一项 the item 第三条第二款第（一）项.
/// </summary>
public static partial class StructurePath
{
    /// <summary>The reader's form of <paramref name="path"/> (whitespace removed, brackets full-width, numbers as the reader writes them).</summary>
    public static string Normalise(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sb = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c switch
            {
                '(' => '（',
                ')' => '）',
                ',' or '，' or '.' or '．' or '、' => '、',
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                _ => c,
            });
        }

        var text = sb.ToString();
        // 第3条 → 第三条 (also 章, 节, 款, 部分); 项 → 第（一）项; 目 keeps Arabic digits as the reader writes it (第2目).
        text = Unit().Replace(text, m => "第" + Chinese(m.Groups[1].Value) + m.Groups[2].Value);
        text = Item().Replace(text, m => "第（" + Chinese(m.Groups[1].Value) + "）项");
        text = SubItem().Replace(text, m => "第" + Arabic(m.Groups[1].Value) + "目");
        // Outline headings: 二 or 二、 before （ or at the end → 二、.
        text = OutlineHead().Replace(text, m => m.Groups[1].Value + "、");
        return text;
    }

    private static string Chinese(string number) =>
        ChineseNumerals.TryParseNumber(number, out var value) && value is > 0 and < 100_000 ? ChineseNumerals.Format(value) : number;

    private static string Arabic(string number) =>
        ChineseNumerals.TryParseNumber(number, out var value) ? value.ToString(CultureInfo.InvariantCulture) : number;

    [GeneratedRegex(@"第([0-9]+|[一二三四五六七八九十百千零两〇]+)(条|款|章|节|部分)")]
    private static partial Regex Unit();

    [GeneratedRegex(@"第（?([0-9]+|[一二三四五六七八九十百千零两〇]+)）?项")]
    private static partial Regex Item();

    [GeneratedRegex(@"第([0-9]+|[一二三四五六七八九十百千零两〇]+)目")]
    private static partial Regex SubItem();

    [GeneratedRegex(@"^([一二三四五六七八九十百]+)、?(?=（|$)")]
    private static partial Regex OutlineHead();
}
