using System.Text.RegularExpressions;
using Filing.Core.Review.Matching;
using Filing.Core.Review.Rules;
using Filing.Core.Text;

namespace Filing.Core.Review.Checks;

/// <summary>
/// Issued in the name of an internal or temporary body (内设机构 such as a department's 科/处/办公室, or a
/// 领导小组办公室/指挥部), which may not make normative documents.
/// </summary>
internal sealed class InternalBodyIssuerCheck : DocumentCheck
{
    public override string Name => "internal-body-issuer";

    public override IReadOnlyDictionary<string, string> DefaultParameters { get; } = new Dictionary<string, string>
    {
        // A department (局/委/厅/中心) followed by one of its units; or a coordination body's office.
        ["pattern"] = @"(?:局|委员会|委|厅|署|办)(?!公室$)[\u4e00-\u9fff]{1,12}(?:科|股|处|室|所|站|队|中心)$|领导小组(?:办公室)?$|指挥部(?:办公室)?$|工作专班$",
    };

    public override IReadOnlyList<string> Placeholders { get; } = ["issuer"];

    public override string? Validate(IReadOnlyDictionary<string, string> parameters, RuleSet? rules)
    {
        try
        {
            _ = new Regex(parameters["pattern"], RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return "parameter 'pattern' does not compile: " + e.Message;
        }
    }

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var facts = context.Facts;
        var pattern = Pattern(context.Parameters["pattern"]);
        foreach (var (issuer, at) in new[] { (facts.SignatureIssuer, facts.SignatureAt), (facts.TitleIssuer, facts.TitleIssuerAt) })
        {
            if (issuer is null || at is not { } located)
            {
                continue;
            }

            // 县人民政府办公室 issues as the government; a department's own 办公室 does not.
            var compact = TextNormalizer.Normalize(string.Concat(issuer.Where(c => !char.IsWhiteSpace(c))));
            if (compact.EndsWith("人民政府办公室", StringComparison.Ordinal) || compact.EndsWith("人民政府办公厅", StringComparison.Ordinal))
            {
                continue;
            }

            if (pattern.IsMatch(compact))
            {
                yield return Hit(located, ("issuer", issuer.Trim()));
                yield break;
            }
        }
    }
}

/// <summary>
/// Cites a law that has been repealed (list in <c>corpus/rules/repealed-laws.yaml</c>): inside 《》 by its exact
/// name (with or without 中华人民共和国), or bare after 依据/根据/按照…. Mentions of the repeal itself are skipped, and so
/// are documents dated before the repeal.
/// </summary>
internal sealed partial class RepealedLawCitationCheck : DocumentCheck
{
    private const string Prc = "中华人民共和国";

    public override string Name => "repealed-law-citation";

    public override bool WholeDocumentOnly => false;

    public override IReadOnlyList<string> Placeholders { get; } = ["law", "repealed", "successor"];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleSet, Tuple<RepealedLaw[], LiteralIndex>> Indexes = [];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var (laws, index) = Indexes.GetValue(context.Rules, static rules =>
        {
            var map = new Dictionary<string, RepealedLaw>(StringComparer.Ordinal);
            foreach (var law in rules.RepealedLaws)
            {
                foreach (var name in law.Aliases.Prepend(law.Name))
                {
                    map[name] = law;
                }
            }

            var literals = new LiteralIndex(map.Keys);
            return Tuple.Create(literals.Literals.Select(l => map[l]).ToArray(), literals);
        });

        // A passage is judged as of today; a dated document as of its date, since it may cite what was then in force.
        DateOnly? reference = null;
        var found = new List<(int Position, int Literal)>();
        for (var p = 0; p < context.Normalized.Count; p++)
        {
            var text = context.Normalized[p];
            found.Clear();
            index.FindAll(text, found);
            if (found.Count == 0)
            {
                continue;
            }

            var reported = new HashSet<RepealedLaw>();
            var covered = -1;
            foreach (var (at, literal) in found.OrderBy(f => f.Position).ThenByDescending(f => index.Literals[f.Literal].Length))
            {
                // The longest name at a position wins (企业破产法(试行) over 企业破产法), and names inside it are skipped.
                if (at < covered)
                {
                    continue;
                }

                var law = laws[literal];
                var length = index.Literals[literal].Length;
                covered = at + length;
                reference ??= (context.WholeDocument ? context.Facts.Date : null) ?? DateOnly.FromDateTime(DateTime.Today);
                if (reported.Contains(law) || reference < law.Repealed)
                {
                    continue;
                }

                if (Cited(text, at, length, out var start, out var end) && !MentionsRepeal(text, start, end))
                {
                    reported.Add(law);
                    yield return new CheckHit(p, start, end - start, new Dictionary<string, string>
                    {
                        ["law"] = law.Name,
                        ["repealed"] = Chinese(law.Repealed),
                        ["successor"] = law.Successor,
                    });
                }
            }
        }
    }

    /// <summary>
    /// Whether the name at <paramref name="at"/> is a citation of that very law: the whole content of 《…》
    /// (optionally after 中华人民共和国), or a bare name after a citing verb and not part of a longer name.
    /// </summary>
    private static bool Cited(string text, int at, int length, out int start, out int end)
    {
        var prefixStart = at >= Prc.Length && string.CompareOrdinal(text, at - Prc.Length, Prc, 0, Prc.Length) == 0 ? at - Prc.Length : at;
        end = at + length;
        if (prefixStart > 0 && text[prefixStart - 1] == '《')
        {
            start = prefixStart - 1;
            if (end < text.Length && text[end] == '》')
            {
                end++;
                return true;
            }

            // 《合同法》 only: 《合同法实施细则》 or 《…合同法律…》 are other titles.
            return false;
        }

        start = prefixStart;
        if (end < text.Length && IsHan(text[end]) && !BareFollowers.Contains(text[end]))
        {
            return false;
        }

        if (start == 0 || !IsHan(text[start - 1]) || prefixStart < at)
        {
            return true;
        }

        var before = text[..start];
        return BareLeaders().IsMatch(before);
    }

    private static readonly HashSet<char> BareFollowers = ['第', '的', '和', '及', '与', '等', '、', '有', '中', '规'];

    private static bool MentionsRepeal(string text, int start, int end)
    {
        var clauseStart = start;
        while (clauseStart > 0 && !ClauseSplitter.IsClauseTerminator(text[clauseStart - 1]))
        {
            clauseStart--;
        }

        var clauseEnd = end;
        while (clauseEnd < text.Length && !ClauseSplitter.IsClauseTerminator(text[clauseEnd]))
        {
            clauseEnd++;
        }

        var clause = text.AsSpan(clauseStart, clauseEnd - clauseStart);
        return clause.Contains("废止", StringComparison.Ordinal) || clause.Contains("失效", StringComparison.Ordinal)
            || (start > 0 && text[start - 1] == '原') || (start > 1 && text[start - 1] == '《' && text[start - 2] == '原');
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex(@"(?:依据|根据|按照|依照|遵照|参照|违反|适用|执行|贯彻|落实|对照|和|及|与|或)$")]
    private static partial Regex BareLeaders();
}

/// <summary>
/// 溯及既往 by date: the text applies itself to acts from a date earlier than its own 施行日期
/// (本办法自2020年1月1日起施行；2019年7月1日以后发生的…依照本办法处理).
/// </summary>
internal sealed partial class RetroactiveDateCheck : DocumentCheck
{
    public override string Name => "retroactive-date";

    public override bool WholeDocumentOnly => false;

    public override IReadOnlyList<string> Placeholders { get; } = ["from", "effective"];

    public override IReadOnlyDictionary<string, string> DefaultParameters { get; } = new Dictionary<string, string>
    {
        // 立法法 art 104 allows retroactivity that better protects rights: benefits extended to earlier acts are fine.
        ["favourable"] = "可以|可|申请|享受|补助|补贴|奖励|扶持|优惠|给予|从轻|减轻|免予",
    };

    public override string? Validate(IReadOnlyDictionary<string, string> parameters, RuleSet? rules)
    {
        try
        {
            _ = new Regex(parameters["favourable"], RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return "parameter 'favourable' does not compile: " + e.Message;
        }
    }

    private static readonly string[] Cues = ["依照本", "按照本", "适用本", "按本", "依本", "重新审核", "重新审查", "撤销", "补缴", "退还"];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        // Cheap first: only a text that applies itself to something can be retroactive; the facts cost more.
        if (!context.Normalized.Any(t => Cues.Any(c => t.Contains(c, StringComparison.Ordinal)))
            || context.Facts.EffectiveDate is not { } effective)
        {
            yield break;
        }

        var favourable = Pattern(context.Parameters["favourable"]);

        for (var p = 0; p < context.Normalized.Count; p++)
        {
            foreach (Match m in Applies().Matches(context.Normalized[p]))
            {
                if (!ChineseNumerals.TryParseNumber(m.Groups["y"].Value, out var year) || year is < 1949 or > 2199)
                {
                    continue;
                }

                var month = m.Groups["m"].Success && ChineseNumerals.TryParseNumber(m.Groups["m"].Value, out var mm) && mm is >= 1 and <= 12 ? mm : 1;
                var day = m.Groups["d"].Success && ChineseNumerals.TryParseNumber(m.Groups["d"].Value, out var dd) && dd >= 1 && dd <= DateTime.DaysInMonth(year, month) ? dd : 1;
                var from = new DateOnly(year, month, day);
                if (from < effective && !favourable.IsMatch(ClauseAround(context.Normalized[p], m.Index, m.Length)))
                {
                    yield return Hit(new Located(p, m.Index, m.Length), ("from", m.Groups["date"].Value), ("effective", Chinese(effective)));
                }
            }
        }
    }

    private static string ClauseAround(string text, int start, int length)
    {
        var from = start;
        while (from > 0 && !ClauseSplitter.IsClauseTerminator(text[from - 1]))
        {
            from--;
        }

        var to = start + length;
        while (to < text.Length && !ClauseSplitter.IsClauseTerminator(text[to]))
        {
            to++;
        }

        return text[from..to];
    }

    [GeneratedRegex(@"(?<date>(?<y>\d{4})年(?:(?<m>\d{1,2})月(?:(?<d>\d{1,2})日)?)?)(?:以来|以后|之后|后|起)(?![^;。]{0,4}施行)[^;。]{0,30}(?:依照本|按照本|适用本|按本|依本|重新审核|重新审查|撤销|补缴|退还)")]
    private static partial Regex Applies();
}

/// <summary>
/// 循环证明: two certificates or permits each required before the other
/// (办理《A》须先取得《B》；申请《B》须提交《A》), anywhere in the text.
/// </summary>
internal sealed partial class CircularPrerequisiteCheck : DocumentCheck
{
    public override string Name => "circular-prerequisite";

    public override bool WholeDocumentOnly => false;

    public override IReadOnlyList<string> Placeholders { get; } = ["a", "b"];

    public override IEnumerable<CheckHit> Run(DocumentCheckContext context)
    {
        var edges = new List<(string From, string To, Located At)>();
        for (var p = 0; p < context.Normalized.Count; p++)
        {
            foreach (Match m in Requires().Matches(context.Normalized[p]))
            {
                edges.Add((m.Groups["a"].Value.Trim(), m.Groups["b"].Value.Trim(), new Located(p, m.Index, m.Length)));
            }
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (a, b, at) in edges)
        {
            if (a != b && edges.Any(e => e.From == b && e.To == a) && reported.Add(string.CompareOrdinal(a, b) < 0 ? a + "|" + b : b + "|" + a))
            {
                yield return Hit(at, ("a", a), ("b", b));
            }
        }
    }

    [GeneratedRegex(@"(?:办理|申请|申领|取得|核发|领取)《(?<a>[^》]{2,30})》[^。\n《]{0,20}?(?:须|应当|需|必须|需要)(?:先|先行|事先|首先)?(?:取得|提交|提供|出具|持有|具备)[^。《\n]{0,10}《(?<b>[^》]{2,30})》")]
    private static partial Regex Requires();
}
