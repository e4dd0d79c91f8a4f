using System.Text;
using System.Text.RegularExpressions;
using Filing.Core.Text;

namespace Filing.Core.Documents.Structure;

/// <summary>
/// 施行日期 and 有效期 from the normative text (then the covering notice):
/// <list type="bullet">
/// <item>自2019年1月1日起施行 / 2019年1月1日起实施 → that date;</item>
/// <item>自印发(下发, 签发)之日起施行 → the 成文日期;</item>
/// <item>自公布(发布)之日起施行, 自…之日起30日后施行 → clause kept, no date (the publication date is not in the file);</item>
/// <item>有效期5年 / 有效期为三年 / 试行期两年 → years; 有效期至2021年4月30日 → end date;
/// 有效期自2018年9月1日至2021年8月31日 → both ends.</item>
/// </list>
/// When only years are stated, <see cref="Validity.ValidUntil"/> is the day before the anniversary of the effective
/// date: 自2019年1月1日起施行，有效期5年 → 2023-12-31 (the effective day counts as the first day).
/// </summary>
internal static partial class ValidityReader
{
    private static readonly string[] TakeEffect = ["施行", "实施", "执行", "生效", "试行"];

    // Paragraphs without any of 施行 实施 执行 生效 试行 有效期 cannot state validity; most paragraphs are skipped on this
    // check alone. (A char search: SearchValues<string> over CJK text is many times slower.)
    private static readonly System.Buffers.SearchValues<char> KeywordStarts = System.Buffers.SearchValues.Create("施实执生试有");

    // Events whose date is the 成文日期; 公布/发布 are left open because publication can be later than signing.
    private static readonly string[] SigningEvents = ["印发", "下发", "签发", "发文", "发出"];
    private static readonly string[] PublicationEvents = ["公布", "发布", "颁布", "公开", "公告"];

    // An effective date is stated as 自/于…日起, …之日起, …日后, or a numeric date right before the verb.
    private static readonly System.Buffers.SearchValues<char> EffectHints = System.Buffers.SearchValues.Create("起日号后0123456789");

    private sealed record Hit(Line Line, int Start, int Length, int Rank, int Sequence);

    /// <param name="groups">Where to look, most telling first (the normative text, the covering notice, the 题注).</param>
    /// <param name="documentDate">成文日期, for 自印发之日起施行.</param>
    /// <param name="documentType">文种, so that 本办法自…施行 in a 办法 wins over a quoted 本条例自…施行.</param>
    public static Validity Read(IEnumerable<IEnumerable<Line>> groups, DateOnly? documentDate, string? documentType)
    {
        Candidate<DateOnly?>? effective = null;
        Candidate<int>? years = null;
        Candidate<(DateOnly? From, DateOnly? To)>? until = null;
        var group = 0;
        var sequence = 0;
        foreach (var lines in groups)
        {
            foreach (var line in lines)
            {
                if (line.IsEmpty || !HasKeyword(line.Text))
                {
                    continue;
                }

                var start = line.Label is { Kind: LabelKind.Article } label ? label.ContentStart : line.ContentStart;
                foreach (var (st, len) in Sentences(line.Text, start))
                {
                    var span = line.Text.AsSpan(st, len);
                    var mayTakeEffect = span.IndexOfAny(EffectHints) >= 0;
                    var mayLimit = ValidityKeyword().IsMatch(span);
                    if (!(mayTakeEffect || mayLimit) || !HasKeyword(span))
                    {
                        continue;
                    }

                    var sentence = line.Text.Substring(st, len);
                    var hit = new Hit(line, st, len, Rank(sentence, documentType, group), sequence++);
                    if (mayTakeEffect && TryEffective(sentence, documentDate, out var date))
                    {
                        effective = Better(effective, new Candidate<DateOnly?>(hit, date));
                    }

                    if (!mayLimit)
                    {
                        continue;
                    }

                    if (YearsPattern().Match(sentence) is { Success: true } ym
                        && ChineseNumerals.TryParseNumber(ym.Groups["n"].ValueSpan, out var n) && n is > 0 and < 100)
                    {
                        years = Better(years, new Candidate<int>(hit, n));
                    }

                    if (TryUntil(sentence, out var from, out var to))
                    {
                        until = Better(until, new Candidate<(DateOnly?, DateOnly?)>(hit, (from, to)));
                    }
                }
            }

            group++;
        }

        if (effective is null && years is null && until is null)
        {
            return Validity.None;
        }

        var effectiveDate = effective?.Value ?? until?.Value.From;
        var validUntil = until?.Value.To
            ?? (effectiveDate is { } e && years is not null ? e.AddDays(-1).AddYears(years.Value) : null);
        return new Validity(effectiveDate, validUntil, years?.Value, Clause([effective?.Hit, years?.Hit, until?.Hit]));
    }

    // 0: 本办法… in a 办法; 1: another 本…; 2: anything else — then the normative text before the notice before the 题注.
    private static int Rank(string sentence, string? documentType, int group)
    {
        var s = sentence.AsSpan().TrimStart();
        var subject = !s.StartsWith('本') ? 2 : documentType is not null && s[1..].StartsWith(documentType, StringComparison.Ordinal) ? 0 : 1;
        return (subject * 10) + group;
    }

    // The better-ranked statement wins; between equals, the later one (施行 clauses close a text, quotations come earlier).
    private static Candidate<T> Better<T>(Candidate<T>? current, Candidate<T> next) =>
        current is null || next.Hit.Rank <= current.Hit.Rank ? next : current;

    private sealed record Candidate<T>(Hit Hit, T Value);

    private static bool HasKeyword(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAny(KeywordStarts); i >= 0 && i + 1 < text.Length; i = NextStart(text, i + 1))
        {
            var pair = text.Slice(i, 2);
            if (pair is "施行" or "实施" or "执行" or "生效" or "试行" || (pair is "有效" && i + 2 < text.Length && text[i + 2] == '期'))
            {
                return true;
            }
        }

        return false;

        static int NextStart(ReadOnlySpan<char> text, int from)
        {
            var k = text[from..].IndexOfAny(KeywordStarts);
            return k < 0 ? -1 : from + k;
        }
    }

    private static bool TryEffective(string sentence, DateOnly? documentDate, out DateOnly? date)
    {
        date = null;
        foreach (var keyword in TakeEffect)
        {
            for (var at = sentence.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(keyword, at + 1, StringComparison.Ordinal))
            {
                // 自2016年1月1日起施行的规定: describes another text.
                var after = at + keyword.Length;
                if (after < sentence.Length && sentence[after] == '的')
                {
                    continue;
                }

                var before = sentence.AsSpan(0, at).TrimEnd();
                if (before.EndsWith("正式", StringComparison.Ordinal))
                {
                    before = before[..^2].TrimEnd();
                }

                var hasQi = false;
                if (before.EndsWith("起", StringComparison.Ordinal) || before.EndsWith("开始", StringComparison.Ordinal))
                {
                    before = before[..^(before.EndsWith("起", StringComparison.Ordinal) ? 1 : 2)].TrimEnd();
                    hasQi = true;
                }

                // A date ends with 日/号 or a digit (2019.1.1); only then is it worth looking for one.
                if (before.Length > 0 && (before[^1] is '日' or '号' || char.IsAsciiDigit(before[^1])))
                {
                    var dates = ChineseDates.FindAll(before[Math.Max(0, before.Length - 24)..].ToString());
                    if (dates.Count > 0 && dates[^1].Index + dates[^1].Length == Math.Min(before.Length, 24))
                    {
                        date = dates[^1].Date;
                        return true;
                    }
                }

                if (!hasQi && !before.EndsWith("后", StringComparison.Ordinal))
                {
                    continue;
                }

                var b = before.ToString();
                if (RelativeStart().IsMatch(b))
                {
                    return true; // 自公布之日起30日后施行: the clause is kept, the date cannot be computed.
                }

                if (b.EndsWith("之日", StringComparison.Ordinal))
                {
                    var eventText = b[..^2];
                    if (SigningEvents.Any(e => eventText.EndsWith(e, StringComparison.Ordinal)))
                    {
                        date = documentDate;
                        return true;
                    }

                    if (PublicationEvents.Any(e => eventText.EndsWith(e, StringComparison.Ordinal)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool TryUntil(string sentence, out DateOnly? from, out DateOnly? to)
    {
        from = null;
        to = null;
        var dates = ChineseDates.FindAll(sentence);
        for (var i = 0; i < dates.Count; i++)
        {
            var d = dates[i];
            var prefix = sentence.AsSpan(0, d.Index).TrimEnd();
            if (prefix.EndsWith("至", StringComparison.Ordinal) || prefix.EndsWith("到", StringComparison.Ordinal)
                || prefix.EndsWith("截止", StringComparison.Ordinal))
            {
                to = d.Date;
                return true;
            }

            if (i + 1 < dates.Count)
            {
                var between = sentence.AsSpan(d.Index + d.Length, dates[i + 1].Index - d.Index - d.Length).Trim().TrimStart('起');
                if (between is "至" or "到" or "—" or "-" or "－" or "~" or "～" or "——" or "至至")
                {
                    from = d.Date;
                    to = dates[i + 1].Date;
                    return true;
                }
            }
        }

        return false;
    }

    private static string? Clause(IEnumerable<Hit?> hits)
    {
        var byLine = hits.OfType<Hit>().GroupBy(h => h.Line.Index).OrderBy(g => g.Key);
        var sb = new StringBuilder();
        foreach (var g in byLine)
        {
            var start = g.Min(h => h.Start);
            var end = g.Max(h => h.Start + h.Length);
            var text = g.First().Line.Text;
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            var (s, l) = TextShape.TrimRange(text.Substring(start, end - start));
            sb.Append(text, start + s, l);
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>Sentence ranges of <paramref name="text"/> from <paramref name="start"/>, ending at 。；; or the end.</summary>
    private static IEnumerable<(int Start, int Length)> Sentences(string text, int start)
    {
        var s = start;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is '。' or '；' or ';' or '\n')
            {
                if (i + 1 > s)
                {
                    yield return (s, i + 1 - s);
                }

                s = i + 1;
            }
        }

        if (s < text.Length)
        {
            yield return (s, text.Length - s);
        }
    }

    [GeneratedRegex(@"有效期|试行期|(?:施行|执行|实施|试行)(?:期限)?(?:至|到)")]
    private static partial Regex ValidityKeyword();

    [GeneratedRegex(@"(?:有效期限|有效期|试行期限|试行期)[ \u3000]*(?:为|是|暂定为|暂定|定为|：|:)?[ \u3000]*(?<n>[0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3})[ \u3000]*个?(?:周年|年)")]
    private static partial Regex YearsPattern();

    [GeneratedRegex(@"之日起[ \u3000]*(?:[0-9０-９]+|[一二三四五六七八九十百]+)[ \u3000]*(?:日|天|个月|月)(?:后|以后)$")]
    private static partial Regex RelativeStart();
}
