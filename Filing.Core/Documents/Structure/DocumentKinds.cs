namespace Filing.Core.Documents.Structure;

/// <summary>
/// 文种 recognised at the end of a title, and the enclosed title of a 印发/转发 notice.
/// </summary>
internal static class DocumentKinds
{
    // Longest first where one ends with another. 实施意见 is kept apart from 意见 on purpose (its own review rules);
    // 实施细则, 暂行办法, 实施方案 reduce to 细则, 办法, 方案.
    private static readonly string[] Kinds =
    [
        "实施意见", "指导意见", "意见", "细则", "办法", "规定", "规则", "通知", "决定", "方案", "规划", "计划", "要点",
        "制度", "标准", "准则", "守则", "章程", "条例", "政策", "措施", "通告", "公告", "通报", "报告", "请示", "批复",
        "决议", "命令", "公报", "议案", "纪要", "指引", "指南", "目录", "清单", "规范", "导则", "规程", "纲要", "须知", "函",
    ];

    private static readonly string[] EnclosingVerbs = ["印发", "转发", "颁发", "颁布", "发布", "公布"];

    /// <summary>The 文种 a title ends with, ignoring trailing qualifiers such as （试行） or (2018-2020年).</summary>
    public static string? KindOf(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return null;
        }

        var core = StripQualifiers(title);
        foreach (var kind in Kinds)
        {
            if (core.EndsWith(kind, StringComparison.Ordinal))
            {
                // 指导意见 reads as 意见 in the 公文 sense; only 实施意见 is kept apart.
                return kind == "指导意见" ? "意见" : kind;
            }
        }

        return null;
    }

    /// <summary>The title without trailing bracketed qualifiers: 办法（试行） → 办法, 实施意见(2018-2020年) → 实施意见.</summary>
    public static string StripQualifiers(string title)
    {
        var t = title.TrimEnd();
        while (t.Length > 0 && t[^1] is '）' or ')' or '〕' or '】' or ']')
        {
            var open = t.LastIndexOfAny(['（', '(', '〔', '【', '[']);
            if (open <= 0 || t.Length - open > 24)
            {
                break;
            }

            t = t[..open].TrimEnd();
        }

        return t;
    }

    /// <summary>
    /// For 关于印发《X》的通知 / 关于转发《X》的通知 / 关于印发X的通知: X, else null. With several 《》 the first is taken.
    /// </summary>
    public static string? EnclosedTitleOf(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return null;
        }

        foreach (var verb in EnclosingVerbs)
        {
            var at = title.IndexOf(verb, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var rest = title.AsSpan(at + verb.Length).TrimStart();
            if (rest.Length > 0 && rest[0] is '《' or '〈' or '<')
            {
                var inner = BalancedQuote(rest);
                if (!string.IsNullOrWhiteSpace(inner))
                {
                    return inner;
                }
            }

            // 关于印发桐庐县…办法的通知: between the verb and the final 的通知/的决定. Without 《》 only 印发/转发/颁发
            // enclose a document; 关于公布2020年度…计划的通知 publishes its own content.
            if (verb is not ("印发" or "转发" or "颁发"))
            {
                continue;
            }

            var core = StripQualifiers(title);
            var de = core.LastIndexOf('的');
            if (de > at + verb.Length && KindOf(core[(de + 1)..]) is not null)
            {
                var candidate = core[(at + verb.Length)..de].Trim();
                if (candidate.Length >= 4 && KindOf(candidate) is not null)
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string? BalancedQuote(ReadOnlySpan<char> s)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is '《' or '〈' or '<')
            {
                depth++;
            }
            else if (s[i] is '》' or '〉' or '>')
            {
                depth--;
                if (depth == 0)
                {
                    return s[1..i].ToString().Trim();
                }
            }
        }

        return null;
    }
}
