using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Filing.Core.Text;

namespace Filing.Core.Documents;

/// <summary>A 发文字号 found inside a longer text.</summary>
/// <param name="Index">Offset of the first character (the 机关代字) in the searched text.</param>
/// <param name="Length">Number of characters the number occupies as written.</param>
/// <param name="Number">The parsed number.</param>
public sealed record DocumentNumberMatch(int Index, int Length, DocumentNumber Number);

/// <summary>
/// Parses 发文字号 (机关代字 + 〔year〕 + sequence + 号) tolerantly and normalises them to the GB/T 9704 §7.2.5 form
/// <c>桐政发〔2018〕47号</c>. Accepted variants: brackets 〔〕 [] () （） 【】 ［］ 〖〗 {} (also mismatched), spaces,
/// full-width digits, 第 before the sequence, leading zeros, two-digit years (18 → 2018, 97 → 1997) and a missing 号.
/// Every deviation from the standard form is listed in <see cref="DocumentNumber.Problems"/> and clears
/// <see cref="DocumentNumber.WellFormed"/>. Use <see cref="TryParse"/> to normalise a user-typed number for a
/// tolerant register lookup (<c>桐政发[2018]47号</c> and <c>桐政发〔2018〕第047号</c> both give <c>桐政发〔2018〕47号</c>).
/// </summary>
public static partial class DocumentNumberParser
{
    private const int MaxIssuerCodeLength = 12;

    // Words that often precede a cited number in running text and are not part of the 机关代字.
    private static readonly string[] LeadingNoise =
        ["根据", "依据", "按照", "参照", "依照", "对照", "贯彻", "落实", "执行", "印发", "转发", "详见", "文号", "字号", "编号", "见", "和", "及", "与"];

    /// <summary>
    /// Parses <paramref name="text"/> when, apart from surrounding whitespace, it is exactly one 发文字号
    /// (a missing 号 is tolerated and reported).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DocumentNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var m = NumberPattern().Match(trimmed);
        if (!m.Success || m.Index != 0 || m.Length != trimmed.Length)
        {
            return false;
        }

        number = Build(m, trimmed, requireHao: false);
        return number is not null;
    }

    /// <summary>Parses <paramref name="text"/> as in <see cref="TryParse"/>, or throws.</summary>
    /// <exception cref="FormatException">The text is not a 发文字号.</exception>
    public static DocumentNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"“{text}” is not a 发文字号 (机关代字〔年份〕序号号).");

    /// <summary>The canonical form (桐政发〔2018〕47号) of a tolerantly written number, or null when it is not one.</summary>
    public static string? Normalize(string? text) => TryParse(text, out var number) ? number.Text : null;

    /// <summary>
    /// Parses what a person typed to look a number up, more leniently than <see cref="TryParse"/>: full-width letters and
    /// digits folded (<see cref="TextNormalizer"/>) and every whitespace removed first, so that <c>桐 政 发［２０１８］４７号</c>
    /// is found as well as <c>桐政发[2018]47号</c>. The one normaliser of every tolerant 发文字号 look-up (the register's
    /// <c>documentNumber=</c> filter, a number pasted into <c>q=</c>, and the stored keys they are compared with).
    /// </summary>
    public static bool TryParseLookup([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DocumentNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return TryParse(Squash(TextNormalizer.Normalize(text)), out number) || TryParse(text, out number);
    }

    /// <summary>
    /// The key a tolerant look-up compares (see <see cref="TryParseLookup"/>): the canonical form when the text is a
    /// 发文字号, else the text folded to half-width without whitespace (so numbers that do not follow the pattern still
    /// match themselves however they are spaced); null for blank text.
    /// </summary>
    public static string? LookupKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TryParseLookup(text, out var number) ? number.Text : Squash(TextNormalizer.Normalize(text));
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// Finds the 发文字号 in a longer text such as <c>发文字号：桐政发[2018]47号</c> or a header line with 签发人.
    /// In running text a number must end with 号, unless it directly follows a label (文号, 发文字号, 文件编号).
    /// The 机关代字 is the run of Chinese characters before the bracket, without common leading words (根据, 按照…).
    /// </summary>
    public static IReadOnlyList<DocumentNumberMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<DocumentNumberMatch>();
        foreach (Match m in NumberPattern().Matches(text))
        {
            var labelled = IsAfterLabel(text, m.Index);
            var number = Build(m, text, requireHao: !labelled);
            if (number is null)
            {
                continue;
            }

            var codeGroup = m.Groups["code"];
            var start = codeGroup.Index + codeGroup.Length - number.IssuerCode.Length;
            result.Add(new DocumentNumberMatch(start, m.Index + m.Length - start, number));
        }

        return result;
    }

    private static bool IsAfterLabel(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd();
        if (before.Length > 0 && before[^1] is '：' or ':')
        {
            before = before[..^1].TrimEnd();
        }

        return before.EndsWith("文号", StringComparison.Ordinal)
            || before.EndsWith("字号", StringComparison.Ordinal)
            || before.EndsWith("编号", StringComparison.Ordinal);
    }

    private static DocumentNumber? Build(Match m, string source, bool requireHao)
    {
        var hasHao = m.Groups["hao"].Success;
        if (requireHao && !hasHao)
        {
            return null;
        }

        var code = StripLeadingNoise(m.Groups["code"].Value);
        if (code.Length == 0)
        {
            return null;
        }

        var yearText = m.Groups["year"].Value;
        var seqText = m.Groups["seq"].Value;
        if (!ChineseNumerals.TryParseNumber(yearText, out var year) || !ChineseNumerals.TryParseNumber(seqText, out var sequence)
            || sequence <= 0)
        {
            return null;
        }

        var problems = new List<string>();
        var open = m.Groups["open"].Value;
        var close = m.Groups["close"].Value;
        if (open != "〔" || close != "〕")
        {
            problems.Add($"年份应使用六角括号“〔〕”，不应使用“{open}{close}”");
        }

        if (yearText.Length == 2)
        {
            year += year >= 50 ? 1900 : 2000;
            problems.Add($"年份应标全称，“{yearText}”应写作“{year}”");
        }

        if (year is < 1949 or > 2199)
        {
            return null;
        }

        if (m.Groups["di"].Success)
        {
            problems.Add("顺序号前不应加“第”字");
        }

        if (ChineseNumerals.ArabicDigitValue(seqText[0]) == 0)
        {
            problems.Add($"顺序号不编虚位，“{seqText}”应写作“{sequence}”");
        }

        if (ContainsFullWidthDigit(yearText) || ContainsFullWidthDigit(seqText))
        {
            problems.Add("年份和顺序号应使用半角阿拉伯数字");
        }

        if (!hasHao)
        {
            problems.Add("顺序号后应加“号”");
        }

        var codeEnd = m.Groups["code"].Index + m.Groups["code"].Length;
        var written = source.AsSpan(codeEnd, m.Index + m.Length - codeEnd);
        if (written.ContainsAny(" \u3000\t\u00A0"))
        {
            problems.Add("发文字号中不应有空格");
        }

        var rawStart = codeEnd - code.Length; // the code is a suffix of the matched run
        var raw = source[rawStart..(m.Index + m.Length)];
        var canonical = string.Create(CultureInfo.InvariantCulture, $"{code}〔{year}〕{sequence}号");
        return new DocumentNumber(canonical, raw, code, year, sequence, problems.Count == 0, problems);
    }

    private static string StripLeadingNoise(string code)
    {
        var changed = true;
        while (changed && code.Length > 1)
        {
            changed = false;
            foreach (var word in LeadingNoise)
            {
                if (code.Length > word.Length + 1 && code.StartsWith(word, StringComparison.Ordinal))
                {
                    code = code[word.Length..];
                    changed = true;
                    break;
                }
            }
        }

        return code.Length > MaxIssuerCodeLength ? code[^MaxIssuerCodeLength..] : code;
    }

    private static bool ContainsFullWidthDigit(string s)
    {
        foreach (var c in s)
        {
            if (c is >= '０' and <= '９')
            {
                return true;
            }
        }

        return false;
    }

    // 机关代字: Chinese characters (a few codes carry Latin letters); year: 4 or 2 digits; sequence: 1–5 digits.
    [GeneratedRegex(@"(?<code>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,24}?)[ \u3000\t\u00A0]*(?<open>[〔\[\(（【［〖{｛])[ \u3000\t\u00A0]*(?<year>[0-9０-９]{4}|[0-9０-９]{2})[ \u3000\t\u00A0]*(?<close>[〕\]\)）】］〗}｝])[ \u3000\t\u00A0]*(?<di>第)?[ \u3000\t\u00A0]*(?<seq>[0-9０-９]{1,5})(?![0-9０-９])(?:[ \u3000\t\u00A0]*(?<hao>号))?")]
    private static partial Regex NumberPattern();
}
