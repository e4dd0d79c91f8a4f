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

    // Events whose date is the 成文日期; 公布/发布 are left open because publication can be later than signing.
    private static readonly string[] SigningEvents = ["印发", "下发", "签发", "发文", "发出"];
    private static readonly string[] PublicationEvents = ["公布", "发布", "颁布", "公开", "公告"];

    private sealed record Hit(Line Line, int Start, int Length, int Priority);

    public static Validity Read(IEnumerable<Line> lines, DateOnly? documentDate)
    {
        Hit? effectiveHit = null, yearsHit = null, untilHit = null;
        DateOnly? effective = null, until = null, rangeStart = null;
        int? years = null;
        foreach (var line in lines)
        {
            if (line.IsEmpty)
            {
                continue;
            }

            var start = line.Label is { Kind: LabelKind.Article } label ? label.ContentStart : line.ContentStart;
            foreach (var (st, len) in Sentences(line.Text, start))
            {
                var sentence = line.Text.Substring(st, len);
                var priority = sentence.TrimStart().StartsWith('本') ? 0 : 1;
                if ((effectiveHit is null || priority < effectiveHit.Priority) && TryEffective(sentence, documentDate, out var date))
                {
                    effectiveHit = new Hit(line, st, len, priority);
                    effective = date;
                }

                if (!ValidityKeyword().IsMatch(sentence))
                {
                    continue;
                }

                if (yearsHit is null && YearsPattern().Match(sentence) is { Success: true } ym
                    && ChineseNumerals.TryParseNumber(ym.Groups["n"].ValueSpan, out var n) && n is > 0 and < 100)
                {
                    yearsHit = new Hit(line, st, len, priority);
                    years = n;
                }

                if (untilHit is null && TryUntil(sentence, out var from, out var to))
                {
                    untilHit = new Hit(line, st, len, priority);
                    until = to;
                    rangeStart = from;
                }
            }
        }

        if (effectiveHit is null && yearsHit is null && untilHit is null)
        {
            return Validity.None;
        }

        effective ??= rangeStart;
        var validUntil = until ?? (effective is { } e && years is { } y ? e.AddDays(-1).AddYears(y) : null);
        return new Validity(effective, validUntil, years, Clause([effectiveHit, yearsHit, untilHit]));
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

                var dates = ChineseDates.FindAll(before.ToString());
                if (dates.Count > 0 && dates[^1].Index + dates[^1].Length == before.Length)
                {
                    date = dates[^1].Date;
                    return true;
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
