namespace Filing.Core.Documents.Structure;

/// <summary>What analysis decided for each paragraph (role, path, label) and what it warns about.</summary>
internal sealed class Annotations
{
    public Annotations(IReadOnlyList<Line> lines)
    {
        Roles = new ParagraphRole[lines.Count];
        Paths = new string?[lines.Count];
        Labels = new string?[lines.Count];
        Assigned = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            Roles[i] = lines[i].IsEmpty ? ParagraphRole.Empty : ParagraphRole.Body;
        }
    }

    public ParagraphRole[] Roles { get; }

    public string?[] Paths { get; }

    public string?[] Labels { get; }

    /// <summary>Whether a stage has placed the paragraph (empty paragraphs need no placing).</summary>
    public bool[] Assigned { get; }

    public List<ParseWarning> Warnings { get; } = [];

    public void Set(Line line, ParagraphRole role, string? path = null, string? label = null)
    {
        var i = line.Index;
        Roles[i] = line.IsEmpty ? ParagraphRole.Empty : role;
        Paths[i] = path;
        Labels[i] = label ?? Labels[i];
        Assigned[i] = true;
    }

    public void Warn(string code, string message, string? path = null) => Warnings.Add(new ParseWarning(code, message, path));

    public void WarnUnplaced(Line line, string where) =>
        Warn("unplaced-text", $"{where}的段落无法归入文件结构，已原样保留：“{Excerpt(line.Content)}”", ParagraphRef(line.Index));

    public static string ParagraphRef(int index) => $"paragraphs[{index}]";

    public static string Excerpt(string text, int max = 30) =>
        text.Length <= max ? text.ReplaceLineEndings(" ") : string.Concat(text.AsSpan(0, max), "…").ReplaceLineEndings(" ");
}
