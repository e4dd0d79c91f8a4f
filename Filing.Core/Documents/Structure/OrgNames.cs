namespace Filing.Core.Documents.Structure;

/// <summary>Whether a short line reads as the name of an organ (发文机关署名, 印发机关, 发文机关标志).</summary>
internal static class OrgNames
{
    private static readonly System.Buffers.SearchValues<char> Quoting = System.Buffers.SearchValues.Create("：:《》“”\"");

    private static readonly string[] Suffixes =
    [
        "人民政府", "政府", "办公室", "办公厅", "委员会", "管委会", "委", "局", "厅", "部", "院", "署", "会", "中心", "处", "科", "所",
        "站", "队", "室", "办", "组", "公司", "集团", "学校", "大学", "学院", "医院", "银行", "办事处", "党组", "联", "团", "社",
        "馆", "台", "府", "监狱", "街道",
    ];

    public static bool IsLikely(string compact)
    {
        if (compact.Length is < 2 or > 60 || TextShape.HasSentencePunctuation(compact)
            || compact.AsSpan().IndexOfAny(Quoting) >= 0 || compact.Contains("关于", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var suffix in Suffixes)
        {
            if (compact.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>发文机关标志 without the trailing 文件: 桐庐县人民政府文件 → 桐庐县人民政府.</summary>
    public static string IssuerFromMark(string mark) =>
        mark.EndsWith("文件", StringComparison.Ordinal) && mark.Length > 2 ? mark[..^2] : mark;
}
