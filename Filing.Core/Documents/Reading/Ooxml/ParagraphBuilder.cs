using System.Buffers;
using System.Text;

namespace Filing.Core.Documents.Reading.Ooxml;

/// <summary>One paragraph while it is being read: its text so far, its properties and how its runs are formatted.</summary>
internal sealed class ParagraphBuilder
{
    private static readonly SearchValues<char> Blank = SearchValues.Create(" \t\n\r\u00A0\u3000\u2002\u2003\u200B");

    private readonly List<(int Size, int Characters)> _sizes = [];
    private int _characters;
    private int _boldCharacters;
    private bool _styleResolved;
    private ResolvedStyle? _style;

    public StringBuilder Text { get; } = new();

    /// <summary>Paragraphs of text boxes anchored in this paragraph: emitted right after it.</summary>
    public List<RawParagraph> Anchored { get; } = [];

    public int Ordinal { get; set; }

    public string? StyleId { get; set; }

    public int? NumId { get; set; }

    public int? Ilvl { get; set; }

    /// <summary>Direct paragraph properties.</summary>
    public ParagraphFormat Format { get; set; }

    /// <summary>The paragraph mark's run properties (what an empty paragraph looks like).</summary>
    public RunFormat Mark { get; set; }

    /// <summary>The paragraph mark is a tracked deletion: the paragraph joins the next one.</summary>
    public bool MarkDeleted { get; set; }

    /// <summary>The paragraph carries section properties: a section break follows it.</summary>
    public bool EndsSection { get; set; }

    /// <summary>A page break came before any visible text of this paragraph.</summary>
    public bool BreakBeforeText { get; set; }

    /// <summary>A page break came after visible text: the next paragraph starts the new page.</summary>
    public bool BreakAfterText { get; set; }

    /// <summary>Whether the paragraph has any non-blank text.</summary>
    public bool HasVisibleText { get; private set; }

    public void Reset()
    {
        Text.Clear();
        Anchored.Clear();
        _sizes.Clear();
        _characters = 0;
        _boldCharacters = 0;
        _styleResolved = false;
        _style = null;
        Ordinal = 0;
        StyleId = null;
        NumId = null;
        Ilvl = null;
        Format = default;
        Mark = default;
        MarkDeleted = false;
        EndsSection = false;
        BreakBeforeText = false;
        BreakAfterText = false;
        HasVisibleText = false;
    }

    public ResolvedStyle? ResolveStyle(StyleSheet styles)
    {
        if (!_styleResolved)
        {
            _style = styles.Resolve(StyleId ?? styles.DefaultParagraphStyle);
            _styleResolved = true;
        }

        return _style;
    }

    public void Append(ReadOnlySpan<char> text, RunFormat format)
    {
        if (text.IsEmpty)
        {
            return;
        }

        Text.Append(text);
        HasVisibleText = HasVisibleText || text.ContainsAnyExcept(Blank);
        _characters += text.Length;
        if (format.Bold == true)
        {
            _boldCharacters += text.Length;
        }

        if (format.SizeHalfPoints is { } size)
        {
            for (var i = 0; i < _sizes.Count; i++)
            {
                if (_sizes[i].Size == size)
                {
                    _sizes[i] = (size, _sizes[i].Characters + text.Length);
                    return;
                }
            }

            _sizes.Add((size, text.Length));
        }
    }

    /// <summary>
    /// The font size carrying the most characters and whether most characters are bold; for an empty paragraph, the
    /// paragraph mark's formatting over <paramref name="styleRun"/>.
    /// </summary>
    public (int? Size, bool Bold) DominantFormat(RunFormat styleRun)
    {
        if (_characters == 0)
        {
            return (Mark.SizeHalfPoints ?? styleRun.SizeHalfPoints, Mark.Bold ?? styleRun.Bold ?? false);
        }

        int? best = null;
        var bestCount = 0;
        foreach (var (size, count) in _sizes)
        {
            if (count > bestCount)
            {
                (best, bestCount) = (size, count);
            }
        }

        return (best, _boldCharacters * 2 > _characters);
    }
}
