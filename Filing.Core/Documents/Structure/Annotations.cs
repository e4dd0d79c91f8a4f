namespace Filing.Core.Documents.Structure;

/// <summary>What analysis decided for each paragraph (role, path, label) and what it warns about.</summary>
internal sealed class Annotations
{
    private readonly int _first;
    private readonly ParagraphRole[] _roles;
    private readonly string?[] _paths;
    private readonly string?[] _labels;
    private readonly bool[] _assigned;

    /// <summary>Annotations for every paragraph.</summary>
    public Annotations(IReadOnlyList<Line> lines)
        : this(lines, 0, lines.Count)
    {
    }

    /// <summary>Annotations for paragraphs <paramref name="first"/> to <paramref name="end"/> (exclusive) only.</summary>
    public Annotations(IReadOnlyList<Line> lines, int first, int end)
    {
        _first = first;
        var count = Math.Max(0, end - first);
        _roles = new ParagraphRole[count];
        _paths = new string?[count];
        _labels = new string?[count];
        _assigned = new bool[count];
        for (var i = 0; i < count; i++)
        {
            _roles[i] = lines[first + i].IsEmpty ? ParagraphRole.Empty : ParagraphRole.Body;
        }
    }

    public List<ParseWarning> Warnings { get; } = [];

    public ParagraphRole Role(int index) => _roles[index - _first];

    public string? Path(int index) => _paths[index - _first];

    public string? Label(int index) => _labels[index - _first];

    /// <summary>Whether a stage has placed the paragraph (empty paragraphs need no placing).</summary>
    public bool IsAssigned(int index) => _assigned[index - _first];

    public void Set(Line line, ParagraphRole role, string? path = null, string? label = null)
    {
        var i = line.Index - _first;
        _roles[i] = line.IsEmpty ? ParagraphRole.Empty : role;
        _paths[i] = path;
        _labels[i] = label ?? _labels[i];
        _assigned[i] = true;
    }

    public void Warn(string code, string message, string? path = null) => Warnings.Add(new ParseWarning(code, message, path));

    public void WarnUnplaced(Line line, string where) =>
        Warn("unplaced-text", $"{where}的段落无法归入文件结构，已原样保留：“{Excerpt(line.Content)}”", ParagraphRef(line.Index));

    public static string ParagraphRef(int index) => $"paragraphs[{index}]";

    public static string Excerpt(string text, int max = 30) =>
        text.Length <= max ? text.ReplaceLineEndings(" ") : string.Concat(text.AsSpan(0, max), "…").ReplaceLineEndings(" ");
}
