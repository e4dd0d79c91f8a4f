using Filing.Core.Documents.Reading;

namespace Filing.Core.Documents.Structure;

/// <summary>A paragraph as structure analysis sees it: the exact text plus its content without layout spaces.</summary>
internal sealed class Line
{
    private StructureLabel? _label;
    private bool _labelParsed;
    private string? _compact;

    public Line(int index, RawParagraph raw)
    {
        Index = index;
        Raw = raw;
        var (start, length) = TextShape.TrimRange(raw.Text);
        ContentStart = start;
        Content = raw.Text.Substring(start, length);
        IsEmpty = length == 0 || TextShape.IsLayoutOnly(Content);
    }

    public int Index { get; }

    public RawParagraph Raw { get; }

    public string Text => Raw.Text;

    /// <summary>The text without leading and trailing layout spaces.</summary>
    public string Content { get; }

    /// <summary>Offset of <see cref="Content"/> inside <see cref="Text"/>.</summary>
    public int ContentStart { get; }

    /// <summary>No text, or layout marks only.</summary>
    public bool IsEmpty { get; }

    /// <summary>The content without any layout spaces or line breaks (for values such as names and titles).</summary>
    public string Compact => _compact ??= TextShape.Compact(Content);

    public ParagraphSource Source => Raw.Source;

    /// <summary>Body paragraphs carry structure; table cells and text boxes belong to the enclosing section.</summary>
    public bool IsBody => Raw.Source == ParagraphSource.Body;

    public bool IsCentered => Raw.Alignment is "center";

    public bool IsRightAligned => Raw.Alignment is "right" or "end";

    /// <summary>The structure label the paragraph starts with, if any (not checked for sequence).</summary>
    public StructureLabel? Label
    {
        get
        {
            if (!_labelParsed)
            {
                _label = StructureLabelParser.Parse(Text);
                _labelParsed = true;
            }

            return _label;
        }
    }

    public override string ToString() => $"[{Index}] {Content}";
}
