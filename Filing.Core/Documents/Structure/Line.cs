using Filing.Core.Documents.Reading;

namespace Filing.Core.Documents.Structure;

/// <summary>A paragraph as structure analysis sees it: the exact text plus its content without layout spaces.</summary>
internal sealed class Line
{
    private StructureLabel? _label;
    private bool _labelParsed;
    private string? _compact;
    private string? _content;

    public Line(int index, RawParagraph raw)
    {
        Index = index;
        Raw = raw;
        var (start, length) = TextShape.TrimRange(raw.Text);
        ContentStart = start;
        ContentLength = length;
        IsEmpty = length == 0 || TextShape.IsLayoutOnly(ContentSpan);
    }

    public int Index { get; }

    public RawParagraph Raw { get; }

    public string Text => Raw.Text;

    /// <summary>The text without leading and trailing layout spaces (made on first use: most long paragraphs never need it).</summary>
    public string Content => _content ??= ContentStart == 0 && ContentLength == Text.Length ? Text : Text.Substring(ContentStart, ContentLength);

    /// <summary><see cref="Content"/> without copying.</summary>
    public ReadOnlySpan<char> ContentSpan => Text.AsSpan(ContentStart, ContentLength);

    /// <summary>Offset of <see cref="Content"/> inside <see cref="Text"/>.</summary>
    public int ContentStart { get; }

    public int ContentLength { get; }

    /// <summary>No text, or layout marks only.</summary>
    public bool IsEmpty { get; }

    /// <summary>
    /// Whether the paragraph is short enough to be a name, a date, a label line or a title line. Long paragraphs are
    /// body text; checking this first keeps analysis linear in the text size.
    /// </summary>
    public bool IsShort => ContentLength <= 120;

    public bool StartsWith(char c) => ContentLength > 0 && Text[ContentStart] == c;

    public bool EndsWith(char c) => ContentLength > 0 && Text[ContentStart + ContentLength - 1] == c;

    /// <summary>The content without any layout spaces or line breaks (for values such as names and titles).</summary>
    public string Compact => _compact ??= TextShape.Compact(Content);

    /// <summary>Whether the content holds 。，；！？ — then it is a sentence, not a name, date or title line.</summary>
    public bool HasSentencePunctuation => TextShape.HasSentencePunctuation(ContentSpan);

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
