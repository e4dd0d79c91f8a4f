using System.Xml;
using Filing.Core.Documents.Reading.Package;

namespace Filing.Core.Documents.Reading.Ooxml;

/// <summary>
/// Streams one WordprocessingML story (the main document, a header or footer, the notes or the comments) with a single
/// forward-only <see cref="XmlReader"/> and produces the accepted view of its paragraphs in reading order.
/// </summary>
/// <remarks>
/// <para>Every handler that is called on an element leaves the reader on the node after that element (as
/// <see cref="XmlReader.Skip"/> does), or steps into it when the element is a transparent container (hyperlink,
/// content control, insertion…). Containers are recognised by name, unknown elements are stepped into, so text in
/// markup this reader does not know is still found.</para>
/// <para>What is dropped, and why: <c>w:del</c>/<c>w:moveFrom</c> (deleted in the accepted view), <c>w:instrText</c>
/// (field codes; the field result is kept), <c>mc:Fallback</c> and all but the first <c>mc:Choice</c> (the same
/// content again, e.g. the VML copy of a text box), directly hidden runs (reported as a warning), <c>w:rt</c> (ruby
/// pronunciation guides), and cells that continue a vertical or horizontal merge.</para>
/// </remarks>
internal sealed class StoryReader
{
    private const int MaxNesting = 64;

    private readonly XmlReader _r;
    private readonly WordNames _n;
    private readonly StoryContext _context;
    private readonly ListNumbering _numbering;
    private readonly char[] _chunk = new char[4096];
    private readonly char[] _attribute = new char[256];
    private readonly Stack<(int Depth, bool Taken)> _alternateContent = new();
    private readonly List<ParagraphBuilder> _builders = [];
    private readonly List<bool> _fields = [];
    private string _w;
    private int _nesting;
    private int _openParagraphs;
    private int _fieldsInInstructions;
    private int _nextOrdinal;
    private int _tables;
    private bool _pageBreakPending;

    private StoryReader(XmlReader reader, StoryContext context)
    {
        _r = reader;
        _n = context.Names;
        _context = context;
        _numbering = new ListNumbering(context.Numbering, context.Styles);
        _w = _n.WTransitional;
    }

    /// <summary>Section properties met in the story, in order: where headers and footers are referenced.</summary>
    public List<string> HeaderFooterRelationshipIds { get; } = [];

    /// <summary>Reads the main document part: <c>w:document/w:body</c>.</summary>
    public static (List<RawParagraph> Paragraphs, List<string> HeaderFooterIds) ReadMain(XmlReader reader, StoryContext context)
    {
        var story = new StoryReader(reader, context);
        var output = new List<RawParagraph>();
        story.ReadRoot(context.Names.Document, root =>
        {
            story.ForEachChild(() =>
            {
                if (story.IsW(context.Names.Body))
                {
                    var sink = new BlockSink(output, ParagraphSource.Body, null);
                    story.ReadBlockContent(sink);
                    return true;
                }

                return false;
            });
        });
        story.ReportMissingNumbering();
        return (output, story.HeaderFooterRelationshipIds);
    }

    /// <summary>Reads a header or footer part (<c>w:hdr</c>/<c>w:ftr</c>).</summary>
    public static List<RawParagraph> ReadHeaderFooter(XmlReader reader, StoryContext context)
    {
        var story = new StoryReader(reader, context);
        var output = new List<RawParagraph>();
        story.ReadRoot(null, _ => story.ReadBlockContent(new BlockSink(output, ParagraphSource.Body, null)));
        return output;
    }

    /// <summary>
    /// Reads footnotes, endnotes or comments: each <paramref name="itemName"/> element becomes a <see cref="Note"/>;
    /// separator notes are skipped.
    /// </summary>
    public static List<Note> ReadNotes(XmlReader reader, StoryContext context, string itemName, string kind)
    {
        var story = new StoryReader(reader, context);
        var notes = new List<Note>();
        story.ReadRoot(null, _ => story.ForEachChild(() =>
        {
            if (!story.IsW(itemName))
            {
                return false;
            }

            var type = story.Attribute(context.Names.Type);
            var id = story.Attribute(context.Names.Id) ?? "";
            var author = story.Attribute(context.Names.Author);
            if (type is "separator" or "continuationSeparator" or "continuationNotice")
            {
                story._r.Skip();
                return true;
            }

            var paragraphs = new List<RawParagraph>();
            story.ReadBlockContent(new BlockSink(paragraphs, ParagraphSource.Body, null));
            var text = string.Join('\n', paragraphs.Select(p => p.Text)).Trim();
            notes.Add(new Note(kind, id, text, string.IsNullOrEmpty(author) ? null : author));
            return true;
        }));
        return notes;
    }

    private void ReadRoot(string? expectedRoot, Action<string> readRoot)
    {
        _r.MoveToContent();
        if (_r.NodeType != XmlNodeType.Element || !_n.IsW(_r.NamespaceURI) || (expectedRoot is not null && !ReferenceEquals(_r.LocalName, expectedRoot)))
        {
            throw OpcPackage.Corrupt($"部件 /{_context.PartName} 不是 WordprocessingML 文档（根元素为 {_r.Name}）");
        }

        _w = _r.NamespaceURI;
        readRoot(_r.LocalName);
    }

    // ---- block level -------------------------------------------------------------------------------------------

    /// <summary>Reads the block content (paragraphs, tables…) of the current element into <paramref name="sink"/>.</summary>
    private void ReadBlockContent(BlockSink sink)
    {
        Enter();
        if (Begin(out var depth))
        {
            while (Inside(depth))
            {
                if (_r.NodeType == XmlNodeType.Element && DispatchBlock(sink))
                {
                    continue;
                }

                _r.Read();
            }
        }

        sink.FlushPending(this);
        Exit();
    }

    /// <summary>Handles a block-level element; returns false to step into it as a transparent container.</summary>
    private bool DispatchBlock(BlockSink sink)
    {
        if (HandleMarkupCompatibility())
        {
            return true;
        }

        if (_n.IsW(_r.NamespaceURI))
        {
            var name = _r.LocalName;
            if (ReferenceEquals(name, _n.P))
            {
                ReadParagraph(sink);
                return true;
            }

            if (ReferenceEquals(name, _n.Tbl))
            {
                sink.FlushPending(this);
                ReadTable(sink.Output);
                return true;
            }

            if (ReferenceEquals(name, _n.SectPr))
            {
                ReadSectionProperties();
                return true;
            }

            if (ReferenceEquals(name, _n.Del) || ReferenceEquals(name, _n.MoveFrom))
            {
                _context.HasTrackedChanges = true;
                SkipCountingParagraphs();
                return true;
            }

            if (ReferenceEquals(name, _n.Ins) || ReferenceEquals(name, _n.MoveTo))
            {
                _context.HasTrackedChanges = true;
                return false;
            }

            if (ReferenceEquals(name, _n.AltChunk))
            {
                _context.AltChunks++;
                _r.Skip();
                return true;
            }

            if (ReferenceEquals(name, _n.TxbxContent))
            {
                ReadTextBox(sink.Output);
                return true;
            }

            if (IsSkippedProperties(name) || ReferenceEquals(name, _n.Background))
            {
                _r.Skip();
                return true;
            }
        }

        return false;
    }

    private void ReadSectionProperties(bool endsParagraph = false)
    {
        // A section break: what follows usually starts on a new page (attachments often begin with one). Inside a
        // paragraph's properties the break comes after that paragraph, which Finish takes care of.
        _pageBreakPending |= !endsParagraph;
        ForEachChild(() =>
        {
            if (_n.IsW(_r.NamespaceURI) && _r.LocalName is "headerReference" or "footerReference"
                && _r.GetAttribute("id", OpcPackage.TransitionalRelationshipPrefix[..^1]) is { } id)
            {
                HeaderFooterRelationshipIds.Add(id);
            }
            else if (_n.IsW(_r.NamespaceURI) && _r.LocalName is "headerReference" or "footerReference"
                && _r.GetAttribute("id", OpcPackage.StrictRelationshipPrefix[..^1]) is { } strictId)
            {
                HeaderFooterRelationshipIds.Add(strictId);
            }
            else if (_n.IsW(_r.NamespaceURI) && ReferenceEquals(_r.LocalName, _n.SectPrChange))
            {
                _context.HasTrackedChanges = true;
            }

            return false;
        });
    }

    private void ReadTable(List<RawParagraph> output)
    {
        Enter();
        var table = _tables++;
        var row = 0;
        if (Begin(out var depth))
        {
            while (Inside(depth))
            {
                if (_r.NodeType != XmlNodeType.Element)
                {
                    _r.Read();
                    continue;
                }

                if (HandleMarkupCompatibility())
                {
                    continue;
                }

                if (!_n.IsW(_r.NamespaceURI))
                {
                    _r.Read();
                    continue;
                }

                var name = _r.LocalName;
                if (ReferenceEquals(name, _n.Tr))
                {
                    if (ReadRow(output, table, row))
                    {
                        row++;
                    }
                }
                else if (ReferenceEquals(name, _n.TblPr) || ReferenceEquals(name, _n.TblGrid) || ReferenceEquals(name, _n.TblPrEx))
                {
                    NoteFormattingRevisions();
                }
                else if (ReferenceEquals(name, _n.P) || ReferenceEquals(name, _n.Tbl))
                {
                    // Not valid here, but never drop text: read it as block content at the table's position.
                    if (!DispatchBlock(new BlockSink(output, ParagraphSource.TableCell, new TableCellRef(table, row, 0))))
                    {
                        _r.Read();
                    }
                }
                else if (IsSkippedProperties(name))
                {
                    _r.Skip();
                }
                else
                {
                    // sdt, customXml… around rows: step in.
                    _r.Read();
                }
            }
        }

        Exit();
    }

    /// <summary>Reads a row; returns false when the row is a tracked deletion (gone in the accepted view).</summary>
    private bool ReadRow(List<RawParagraph> output, int table, int row)
    {
        var column = 0;
        var deleted = false;
        if (!Begin(out var depth))
        {
            return true;
        }

        while (Inside(depth))
        {
            if (_r.NodeType != XmlNodeType.Element)
            {
                _r.Read();
                continue;
            }

            if (HandleMarkupCompatibility())
            {
                continue;
            }

            if (!_n.IsW(_r.NamespaceURI))
            {
                _r.Read();
                continue;
            }

            var name = _r.LocalName;
            if (ReferenceEquals(name, _n.TrPr))
            {
                ReadRowProperties(ref column, ref deleted);
            }
            else if (ReferenceEquals(name, _n.Tc))
            {
                if (deleted)
                {
                    SkipCountingParagraphs();
                }
                else
                {
                    column += ReadCell(output, table, row, column);
                }
            }
            else if (ReferenceEquals(name, _n.TblPrEx) || IsSkippedProperties(name))
            {
                _r.Skip();
            }
            else
            {
                _r.Read();
            }
        }

        return !deleted;
    }

    private void ReadRowProperties(ref int column, ref bool deleted)
    {
        if (!Begin(out var depth))
        {
            return;
        }

        while (Inside(depth))
        {
            if (_r.NodeType == XmlNodeType.Element && _r.Depth == depth + 1 && _n.IsW(_r.NamespaceURI))
            {
                var name = _r.LocalName;
                if (ReferenceEquals(name, _n.Del))
                {
                    deleted = true;
                    _context.HasTrackedChanges = true;
                }
                else if (ReferenceEquals(name, _n.Ins) || ReferenceEquals(name, _n.TrPrChange))
                {
                    _context.HasTrackedChanges = true;
                    _r.Skip();
                    continue;
                }
                else if (ReferenceEquals(name, _n.GridBefore))
                {
                    column += Math.Max(0, IntAttribute(_n.Val) ?? 0);
                }
            }

            _r.Read();
        }
    }

    /// <summary>Reads a cell; returns the number of grid columns it spans.</summary>
    private int ReadCell(List<RawParagraph> output, int table, int row, int column)
    {
        var span = 1;
        var continuation = false;
        var sink = new BlockSink(output, ParagraphSource.TableCell, new TableCellRef(table, row, column));
        if (!Begin(out var depth))
        {
            return span;
        }

        while (Inside(depth))
        {
            if (_r.NodeType != XmlNodeType.Element)
            {
                _r.Read();
                continue;
            }

            if (continuation)
            {
                // A cell that continues a merge: Word shows the merged cell once, with the first cell's content; its
                // paragraphs still count for ordinals.
                if (HandleMarkupCompatibility())
                {
                    continue;
                }

                if (_n.IsW(_r.NamespaceURI) && ReferenceEquals(_r.LocalName, _n.P))
                {
                    CountParagraph();
                }

                _r.Read();
                continue;
            }

            if (_n.IsW(_r.NamespaceURI) && ReferenceEquals(_r.LocalName, _n.TcPr))
            {
                ReadCellProperties(ref span, ref continuation);
                continue;
            }

            if (!DispatchBlock(sink))
            {
                _r.Read();
            }
        }

        sink.FlushPending(this);
        return span;
    }

    private void ReadCellProperties(ref int span, ref bool continuation)
    {
        if (!Begin(out var depth))
        {
            return;
        }

        while (Inside(depth))
        {
            if (_r.NodeType == XmlNodeType.Element && _r.Depth == depth + 1 && _n.IsW(_r.NamespaceURI))
            {
                var name = _r.LocalName;
                if (ReferenceEquals(name, _n.GridSpan))
                {
                    span = Math.Clamp(IntAttribute(_n.Val) ?? 1, 1, 64);
                }
                else if (ReferenceEquals(name, _n.VMerge) || ReferenceEquals(name, _n.HMerge))
                {
                    continuation |= AtomizedAttribute(_n.Val) is null or "continue";
                }
                else if (ReferenceEquals(name, _n.CellDel))
                {
                    continuation = true;
                    _context.HasTrackedChanges = true;
                }
                else if (ReferenceEquals(name, _n.CellIns) || ReferenceEquals(name, _n.CellMerge) || ReferenceEquals(name, _n.TcPrChange))
                {
                    _context.HasTrackedChanges = true;
                    _r.Skip();
                    continue;
                }
            }

            _r.Read();
        }
    }

    /// <summary>Reads a text box's content; its paragraphs go after the paragraph that anchors it.</summary>
    private void ReadTextBox(List<RawParagraph> fallbackOutput)
    {
        var anchor = _openParagraphs > 0 ? _builders[_openParagraphs - 1] : null;
        var target = anchor is null ? fallbackOutput : anchor.Anchored;
        ReadBlockContent(new BlockSink(target, ParagraphSource.TextBox, null));
    }

    // ---- paragraphs and runs -------------------------------------------------------------------------------

    private void ReadParagraph(BlockSink sink)
    {
        Enter();
        var p = RentBuilder();
        p.Ordinal = CountParagraph();
        if (Begin(out var depth))
        {
            while (Inside(depth))
            {
                if (_r.NodeType == XmlNodeType.Element && DispatchInline(p))
                {
                    continue;
                }

                _r.Read();
            }
        }

        _openParagraphs--;
        sink.Complete(p, this);
        Exit();
    }

    /// <summary>Handles an element inside a paragraph; returns false to step into it.</summary>
    private bool DispatchInline(ParagraphBuilder p)
    {
        if (HandleMarkupCompatibility())
        {
            return true;
        }

        var ns = _r.NamespaceURI;
        if (_n.IsW(ns))
        {
            var name = _r.LocalName;
            if (ReferenceEquals(name, _n.R))
            {
                ReadRun(p);
                return true;
            }

            if (ReferenceEquals(name, _n.PPr))
            {
                ReadParagraphProperties(p);
                return true;
            }

            if (ReferenceEquals(name, _n.Ins) || ReferenceEquals(name, _n.MoveTo))
            {
                _context.HasTrackedChanges = true;
                return false;
            }

            if (ReferenceEquals(name, _n.Del) || ReferenceEquals(name, _n.MoveFrom))
            {
                _context.HasTrackedChanges = true;
                SkipCountingParagraphs();
                return true;
            }

            if (ReferenceEquals(name, _n.CommentReference))
            {
                _context.HasCommentReferences = true;
                _r.Skip();
                return true;
            }

            if (ReferenceEquals(name, _n.CommentRangeStart))
            {
                _context.HasCommentReferences = true;
                _r.Skip();
                return true;
            }

            if (ReferenceEquals(name, _n.TxbxContent))
            {
                ReadTextBox(p.Anchored);
                return true;
            }

            if (ReferenceEquals(name, _n.P) || ReferenceEquals(name, _n.Tbl))
            {
                // Block content where only runs belong (seen in broken files): keep its text rather than lose it.
                return DispatchBlock(new BlockSink(p.Anchored, ParagraphSource.Body, null));
            }

            if (IsSkippedProperties(name))
            {
                _r.Skip();
                return true;
            }

            return false;
        }

        if (_n.IsMath(ns))
        {
            if (ReferenceEquals(_r.LocalName, _n.MT))
            {
                ReadText(p, EffectiveRunFormat(p, default, null), hidden: false);
                return true;
            }

            if (ReferenceEquals(_r.LocalName, _n.MRPr) || ReferenceEquals(_r.LocalName, _n.MCtrlPr) || _r.LocalName.EndsWith("Pr", StringComparison.Ordinal))
            {
                _r.Skip();
                return true;
            }
        }

        return false;
    }

    private void ReadParagraphProperties(ParagraphBuilder p)
    {
        if (!Begin(out var depth))
        {
            return;
        }

        while (Inside(depth))
        {
            if (_r.NodeType != XmlNodeType.Element || _r.Depth != depth + 1 || !_n.IsW(_r.NamespaceURI))
            {
                _r.Read();
                continue;
            }

            var name = _r.LocalName;
            if (ReferenceEquals(name, _n.PStyle))
            {
                p.StyleId = AtomizedAttribute(_n.Val);
            }
            else if (ReferenceEquals(name, _n.NumPr))
            {
                ReadNumberingProperties(p);
                continue;
            }
            else if (ReferenceEquals(name, _n.Jc))
            {
                p.Format = p.Format with { Justification = StyleSheet.NormalizeJustification(AtomizedAttribute(_n.Val)) };
            }
            else if (ReferenceEquals(name, _n.OutlineLvl))
            {
                p.Format = p.Format with { OutlineLevel = IntAttribute(_n.Val) };
            }
            else if (ReferenceEquals(name, _n.PageBreakBefore))
            {
                p.Format = p.Format with { PageBreakBefore = StyleSheet.SafeXmlOn(AtomizedAttribute(_n.Val), absentMeans: true) };
            }
            else if (ReferenceEquals(name, _n.RPr))
            {
                ReadParagraphMark(p);
                continue;
            }
            else if (ReferenceEquals(name, _n.SectPr))
            {
                ReadSectionProperties(endsParagraph: true);
                p.EndsSection = true;
                continue;
            }
            else if (ReferenceEquals(name, _n.PPrChange))
            {
                _context.HasTrackedChanges = true;
                _r.Skip();
                continue;
            }

            _r.Read();
        }
    }

    /// <summary><c>w:numPr</c>: the list and level of the paragraph (a tracked <c>w:numberingChange</c> is ignored).</summary>
    private void ReadNumberingProperties(ParagraphBuilder p)
    {
        if (!Begin(out var depth))
        {
            return;
        }

        while (Inside(depth))
        {
            if (_r.NodeType == XmlNodeType.Element && _r.Depth == depth + 1 && _n.IsW(_r.NamespaceURI))
            {
                if (ReferenceEquals(_r.LocalName, _n.NumId))
                {
                    p.NumId = IntAttribute(_n.Val) ?? p.NumId;
                }
                else if (ReferenceEquals(_r.LocalName, _n.Ilvl))
                {
                    p.Ilvl = IntAttribute(_n.Val) ?? p.Ilvl;
                }
                else if (ReferenceEquals(_r.LocalName, _n.NumberingChange))
                {
                    _context.HasTrackedChanges = true;
                }
            }

            _r.Read();
        }
    }

    /// <summary>The paragraph mark's run properties: its size and bold, and whether the mark is a tracked deletion.</summary>
    private void ReadParagraphMark(ParagraphBuilder p)
    {
        if (!Begin(out var depth))
        {
            return;
        }

        while (Inside(depth))
        {
            if (_r.NodeType != XmlNodeType.Element || _r.Depth != depth + 1 || !_n.IsW(_r.NamespaceURI))
            {
                _r.Read();
                continue;
            }

            var name = _r.LocalName;
            if (ReferenceEquals(name, _n.Del) || ReferenceEquals(name, _n.MoveFrom))
            {
                p.MarkDeleted = true;
                _context.HasTrackedChanges = true;
            }
            else if (ReferenceEquals(name, _n.Ins) || ReferenceEquals(name, _n.MoveTo) || ReferenceEquals(name, _n.RPrChange))
            {
                _context.HasTrackedChanges = true;
                _r.Skip();
                continue;
            }
            else if (ReferenceEquals(name, _n.Sz))
            {
                p.Mark = p.Mark with { SizeHalfPoints = IntAttribute(_n.Val) };
            }
            else if (ReferenceEquals(name, _n.B))
            {
                p.Mark = p.Mark with { Bold = StyleSheet.SafeXmlOn(AtomizedAttribute(_n.Val), absentMeans: true) };
            }

            _r.Read();
        }
    }

    private void ReadRun(ParagraphBuilder p)
    {
        var direct = default(RunFormat);
        string? runStyle = null;
        var format = default(RunFormat);
        var resolved = false;
        if (!Begin(out var depth))
        {
            return;
        }

        while (Inside(depth))
        {
            if (_r.NodeType != XmlNodeType.Element)
            {
                _r.Read();
                continue;
            }

            if (!_n.IsW(_r.NamespaceURI))
            {
                // mc:AlternateContent around a drawing: step into the first Choice; anything else in a run has no text.
                if (!HandleMarkupCompatibility())
                {
                    _r.Skip();
                }

                continue;
            }

            var name = _r.LocalName;
            if (ReferenceEquals(name, _n.RPr))
            {
                ReadRunProperties(ref direct, ref runStyle);
                resolved = false;
                continue;
            }

            if (!resolved)
            {
                format = EffectiveRunFormat(p, direct, runStyle);
                resolved = true;
            }

            var hidden = format.Hidden == true;
            if (ReferenceEquals(name, _n.T))
            {
                ReadText(p, format, hidden);
                continue;
            }

            if (ReferenceEquals(name, _n.Tab) || ReferenceEquals(name, _n.PTab))
            {
                Append(p, '\t', format, hidden);
            }
            else if (ReferenceEquals(name, _n.Br))
            {
                var type = AtomizedAttribute(_n.Type);
                if (type == "page")
                {
                    NotePageBreak(p);
                }
                else if (type != "column")
                {
                    Append(p, '\n', format, hidden);
                }
            }
            else if (ReferenceEquals(name, _n.Cr))
            {
                Append(p, '\n', format, hidden);
            }
            else if (ReferenceEquals(name, _n.NoBreakHyphen))
            {
                Append(p, '-', format, hidden);
            }
            else if (ReferenceEquals(name, _n.Sym))
            {
                if (Symbol(Attribute(_n.Char), Attribute(_n.Font)) is { } c)
                {
                    Append(p, c, format, hidden);
                }
            }
            else if (ReferenceEquals(name, _n.FldChar))
            {
                Field(AtomizedAttribute(_n.FldCharType));
            }
            else if (ReferenceEquals(name, _n.Drawing) || ReferenceEquals(name, _n.Pict) || ReferenceEquals(name, _n.Object))
            {
                ReadGraphic(p);
                continue;
            }
            else if (ReferenceEquals(name, _n.CommentReference))
            {
                _context.HasCommentReferences = true;
            }
            else if (ReferenceEquals(name, _n.Ruby))
            {
                ReadRuby(p, format, hidden);
                continue;
            }
            else if (ReferenceEquals(name, _n.Del) || ReferenceEquals(name, _n.MoveFrom))
            {
                _context.HasTrackedChanges = true;
                SkipCountingParagraphs();
                continue;
            }

            _r.Skip();
        }
    }

    private void ReadRunProperties(ref RunFormat direct, ref string? runStyle)
    {
        if (!Begin(out var depth))
        {
            return;
        }

        while (Inside(depth))
        {
            if (_r.NodeType != XmlNodeType.Element || _r.Depth != depth + 1 || !_n.IsW(_r.NamespaceURI))
            {
                _r.Read();
                continue;
            }

            var name = _r.LocalName;
            if (ReferenceEquals(name, _n.RStyle))
            {
                runStyle = AtomizedAttribute(_n.Val);
            }
            else if (ReferenceEquals(name, _n.Sz))
            {
                direct = direct with { SizeHalfPoints = IntAttribute(_n.Val) };
            }
            else if (ReferenceEquals(name, _n.B))
            {
                direct = direct with { Bold = StyleSheet.SafeXmlOn(AtomizedAttribute(_n.Val), absentMeans: true) };
            }
            else if (ReferenceEquals(name, _n.Vanish))
            {
                direct = direct with { Hidden = StyleSheet.SafeXmlOn(AtomizedAttribute(_n.Val), absentMeans: true) };
            }
            else if (ReferenceEquals(name, _n.RPrChange) || ReferenceEquals(name, _n.Ins) || ReferenceEquals(name, _n.Del))
            {
                _context.HasTrackedChanges = true;
                _r.Skip();
                continue;
            }

            _r.Read();
        }
    }

    private RunFormat EffectiveRunFormat(ParagraphBuilder p, RunFormat direct, string? runStyle)
    {
        var styles = _context.Styles;
        var character = styles.Resolve(runStyle)?.Run ?? default;
        var paragraph = p.ResolveStyle(styles)?.Run ?? default;
        var inherited = character.Inherit(paragraph).Inherit(styles.Defaults);
        // Only direct or character-style hiding hides text; a paragraph style that hides everything is not a thing
        // documents do, and would swallow whole paragraphs.
        return new RunFormat(direct.SizeHalfPoints ?? inherited.SizeHalfPoints, direct.Bold ?? inherited.Bold, direct.Hidden ?? character.Hidden);
    }

    private void ReadText(ParagraphBuilder p, RunFormat format, bool hidden)
    {
        if (!Begin(out var depth))
        {
            return;
        }

        while (Inside(depth))
        {
            switch (_r.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA:
                    int n;
                    while ((n = _r.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                    {
                        Append(p, _chunk.AsSpan(0, n), format, hidden);
                    }

                    _r.Read();
                    break;
                case XmlNodeType.Element:
                    _r.Skip();
                    break;
                default:
                    _r.Read();
                    break;
            }
        }
    }

    private void ReadRuby(ParagraphBuilder p, RunFormat format, bool hidden)
    {
        // Ruby: keep the base text, drop the pronunciation guide above it.
        Enter();
        ForEachDescendant(() =>
        {
            if (!_n.IsW(_r.NamespaceURI))
            {
                return false;
            }

            if (ReferenceEquals(_r.LocalName, _n.Rt) || ReferenceEquals(_r.LocalName, _n.RubyPr))
            {
                _r.Skip();
                return true;
            }

            if (ReferenceEquals(_r.LocalName, _n.R))
            {
                ReadRun(p);
                return true;
            }

            if (ReferenceEquals(_r.LocalName, _n.T))
            {
                ReadText(p, format, hidden);
                return true;
            }

            return false;
        });
        Exit();
    }

    /// <summary>
    /// A drawing, VML picture or embedded object: text boxes inside are read (once: their VML copy sits in
    /// <c>mc:Fallback</c>, which is skipped); anything else is a picture or object without text, counted for a warning.
    /// </summary>
    private void ReadGraphic(ParagraphBuilder p)
    {
        var textBoxes = 0;
        ForEachDescendant(() =>
        {
            if (HandleMarkupCompatibility())
            {
                return true;
            }

            if (_n.IsW(_r.NamespaceURI) && ReferenceEquals(_r.LocalName, _n.TxbxContent))
            {
                textBoxes++;
                ReadTextBox(p.Anchored);
                return true;
            }

            return false;
        });

        if (textBoxes == 0)
        {
            _context.Graphics++;
        }
    }

    private void Field(string? type)
    {
        switch (type)
        {
            case "begin":
                _fields.Add(false);
                _fieldsInInstructions++;
                break;
            case "separate" when _fields.Count > 0 && !_fields[^1]:
                _fields[^1] = true;
                _fieldsInInstructions--;
                break;
            case "end" when _fields.Count > 0:
                if (!_fields[^1])
                {
                    _fieldsInInstructions--;
                }

                _fields.RemoveAt(_fields.Count - 1);
                break;
        }
    }

    private void NotePageBreak(ParagraphBuilder p)
    {
        if (p.HasVisibleText)
        {
            p.BreakAfterText = true;
        }
        else
        {
            p.BreakBeforeText = true;
        }
    }

    private void Append(ParagraphBuilder p, char c, RunFormat format, bool hidden) => Append(p, new ReadOnlySpan<char>(in c), format, hidden);

    private void Append(ParagraphBuilder p, ReadOnlySpan<char> text, RunFormat format, bool hidden)
    {
        if (_fieldsInInstructions > 0)
        {
            return;
        }

        if (hidden)
        {
            _context.HiddenCharacters += text.Length;
            return;
        }

        // Counted as it arrives: one endless paragraph must hit the limit as early as many short ones.
        _context.Budget.AddCharacters(text.Length);
        p.Append(text, format);
    }

    private static char? Symbol(string? code, string? font)
    {
        if (code is null || !int.TryParse(code, System.Globalization.NumberStyles.HexNumber, null, out var value) || value is <= 0 or > 0xFFFF)
        {
            return null;
        }

        // Symbol-font codes are stored in the Private Use Area (F0xx); the common ones map to real characters.
        var low = value >= 0xF000 ? value - 0xF000 : value;
        if (string.Equals(font, "Symbol", StringComparison.OrdinalIgnoreCase))
        {
            return low switch
            {
                0xB7 => '•',
                0xB4 => '×',
                0xB8 => '÷',
                0xB1 => '±',
                0xA3 => '≤',
                0xB3 => '≥',
                0xB9 => '≠',
                0xBB => '≈',
                0xD6 => '√',
                0xB0 => '°',
                >= 0x20 and < 0x7F => (char)low,
                _ => (char)value,
            };
        }

        return value >= 0xF000 && font is null ? (char)low : (char)value;
    }

    // ---- paragraph completion ----------------------------------------------------------------------------

    /// <summary>Turns a finished paragraph (plus any text carried over from a deleted paragraph mark) into a <see cref="RawParagraph"/>.</summary>
    internal RawParagraph Finish(ParagraphBuilder p, PendingMerge? carried, ParagraphSource source, TableCellRef? cell)
    {
        var styles = _context.Styles;
        var style = p.ResolveStyle(styles);
        var paragraphFormat = p.Format.Inherit(style?.Paragraph ?? default).Inherit(styles.ParagraphDefaults);

        var label = new NumberingLabel("", "");
        if (NumberingOf(p, style) is var (numId, ilvl) && _numbering.Next(numId, ilvl) is { } rendered)
        {
            label = rendered;
        }

        var text = label.Length == 0 && carried is null ? p.Text.ToString() : Compose(label, carried?.Text ?? "", p.Text);
        _context.Budget.AddCharacters(label.Length);

        var hasText = p.HasVisibleText || carried?.HasVisibleText == true;
        var pageBreak = paragraphFormat.PageBreakBefore == true || carried?.PageBreakBefore == true;
        if (source != ParagraphSource.TextBox)
        {
            if (hasText)
            {
                pageBreak |= _pageBreakPending || p.BreakBeforeText;
                _pageBreakPending = false;
            }
            else if (p.BreakBeforeText)
            {
                _pageBreakPending = true;
            }

            _pageBreakPending |= p.BreakAfterText || p.EndsSection;
        }

        var (size, bold) = p.DominantFormat(style?.Run.Inherit(styles.Defaults) ?? styles.Defaults);
        var outline = paragraphFormat.OutlineLevel is >= 0 and < 9 ? paragraphFormat.OutlineLevel : null;
        var ordinal = carried is { HasVisibleText: true } ? carried.Ordinal : p.Ordinal;
        return new RawParagraph(
            text,
            label.Length,
            source,
            ordinal,
            style?.Id ?? p.StyleId,
            style?.Name,
            outline,
            paragraphFormat.Justification,
            size,
            bold,
            cell,
            pageBreak);
    }

    /// <summary>Label, suffix, carried-over text and the paragraph's own text in one allocation.</summary>
    private static string Compose(NumberingLabel label, string carried, System.Text.StringBuilder own) =>
        string.Create(label.Length + carried.Length + own.Length, (label, carried, own), static (span, state) =>
        {
            state.label.Label.CopyTo(span);
            state.label.Suffix.CopyTo(span[state.label.Label.Length..]);
            state.carried.CopyTo(span[state.label.Length..]);
            state.own.CopyTo(0, span[(state.label.Length + state.carried.Length)..], state.own.Length);
        });

    /// <summary>Captures a paragraph whose mark is deleted: its text joins the next paragraph of the same container.</summary>
    internal PendingMerge Carry(ParagraphBuilder p, PendingMerge? earlier)
    {
        var text = string.Concat(earlier?.Text ?? "", p.Text.ToString());
        var merged = new PendingMerge(
            text,
            earlier is { HasVisibleText: true } ? earlier.Ordinal : p.Ordinal,
            p.HasVisibleText || earlier?.HasVisibleText == true,
            p.Format.PageBreakBefore == true || p.BreakBeforeText || earlier?.PageBreakBefore == true,
            [.. earlier?.Anchored ?? [], .. p.Anchored]);
        if (p.BreakAfterText || p.EndsSection)
        {
            _pageBreakPending = true;
        }

        return merged;
    }

    /// <summary>What is left of a paragraph with a deleted mark when no paragraph follows it in its container.</summary>
    internal RawParagraph Standalone(PendingMerge pending, ParagraphSource source, TableCellRef? cell)
    {
        return new RawParagraph(pending.Text, 0, source, pending.Ordinal, Table: cell, PageBreakBefore: pending.PageBreakBefore);
    }

    /// <summary>The list and level of a paragraph: its own w:numPr, else its style's (ECMA-376 §17.9.1, §17.3.1.19).</summary>
    private (int NumId, int Ilvl)? NumberingOf(ParagraphBuilder p, ResolvedStyle? style)
    {
        int? numId = p.NumId ?? style?.Paragraph.NumId;
        if (numId is not > 0)
        {
            return null;
        }

        var ilvl = p.Ilvl ?? (p.NumId is null ? style?.Paragraph.Ilvl : null);
        if (ilvl is null && style is not null && p.NumId is null)
        {
            ilvl = _numbering.LevelOfStyle(numId.Value, style.Id);
        }

        return (numId.Value, ilvl ?? 0);
    }

    private void ReportMissingNumbering()
    {
        if (_numbering.MissingInstances.Count > 0)
        {
            _context.Warnings.Add(new ParseWarning("numbering-missing",
                $"段落引用了 numbering.xml 中不存在的编号列表（numId {string.Join("、", _numbering.MissingInstances)}），这些段落的自动编号无法还原。"));
        }
    }

    // ---- reader mechanics ------------------------------------------------------------------------------

    private ParagraphBuilder RentBuilder()
    {
        if (_openParagraphs == _builders.Count)
        {
            _builders.Add(new ParagraphBuilder());
        }

        var builder = _builders[_openParagraphs++];
        builder.Reset();
        return builder;
    }

    private int CountParagraph()
    {
        _context.Budget.AddParagraph();
        return _nextOrdinal++;
    }

    /// <summary>
    /// One level deeper into paragraphs, tables, text boxes or ruby, which the reader handles recursively: a hostile
    /// file nesting them thousands deep is refused long before the stack could overflow (which would end the process).
    /// </summary>
    private void Enter()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (++_nesting > MaxNesting)
        {
            throw OpcPackage.Corrupt($"部件 /{_context.PartName} 中段落、表格或文本框嵌套超过 {MaxNesting} 层");
        }
    }

    private void Exit() => _nesting--;

    private bool IsW(string localName) => _n.IsW(_r.NamespaceURI) && ReferenceEquals(_r.LocalName, localName);

    /// <summary>A w: attribute parsed as an integer without allocating its string; null when absent or not a number.</summary>
    private int? IntAttribute(string localName)
    {
        var length = AttributeChars(localName);
        return length > 0 && int.TryParse(_attribute.AsSpan(0, length), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>
    /// A w: attribute whose values repeat (style ids, justification, break and field types): looked up in the name
    /// table, where the style sheet and <see cref="WordNames"/> put the values that exist, so the thousandth
    /// <c>w:pStyle w:val="Article"</c> allocates nothing. Unknown values are not added (a hostile file could otherwise
    /// grow the table without bound); they become ordinary strings.
    /// </summary>
    private string? AtomizedAttribute(string localName)
    {
        var length = AttributeChars(localName);
        return length < 0 ? null
            : length < _attribute.Length ? _r.NameTable.Get(_attribute, 0, length) ?? new string(_attribute, 0, length)
            : Attribute(localName);
    }

    /// <summary>Copies a w: attribute's value into <see cref="_attribute"/>; its length, or -1 when absent.</summary>
    private int AttributeChars(string localName)
    {
        if (!_r.MoveToFirstAttribute())
        {
            return -1;
        }

        do
        {
            if (ReferenceEquals(_r.LocalName, localName) && ReferenceEquals(_r.NamespaceURI, _w))
            {
                var total = 0;
                int n;
                while (total < _attribute.Length && (n = _r.ReadValueChunk(_attribute, total, _attribute.Length - total)) > 0)
                {
                    total += n;
                }

                _r.MoveToElement();
                return total;
            }
        }
        while (_r.MoveToNextAttribute());

        _r.MoveToElement();
        return -1;
    }

    /// <summary>
    /// A w: attribute of the current element. Walks the attributes comparing atomised names, which is cheaper than
    /// <see cref="XmlReader.GetAttribute(string, string)"/> hashing the namespace URI on every call.
    /// </summary>
    private string? Attribute(string localName)
    {
        if (!_r.MoveToFirstAttribute())
        {
            return null;
        }

        do
        {
            if (ReferenceEquals(_r.LocalName, localName) && ReferenceEquals(_r.NamespaceURI, _w))
            {
                var value = _r.Value;
                _r.MoveToElement();
                return value;
            }
        }
        while (_r.MoveToNextAttribute());

        _r.MoveToElement();
        return null;
    }

    private bool IsSkippedProperties(string name) =>
        ReferenceEquals(name, _n.SdtPr) || ReferenceEquals(name, _n.SdtEndPr) || ReferenceEquals(name, _n.CustomXmlPr)
        || ReferenceEquals(name, _n.SmartTagPr) || ReferenceEquals(name, _n.RPr) || ReferenceEquals(name, _n.TblPr)
        || ReferenceEquals(name, _n.InstrText) || ReferenceEquals(name, _n.DelText) || ReferenceEquals(name, _n.DelInstrText)
        || ReferenceEquals(name, _n.TcPr) || ReferenceEquals(name, _n.TrPr);

    private void NoteFormattingRevisions()
    {
        var depth = _r.Depth;
        if (_r.IsEmptyElement)
        {
            _r.Read();
            return;
        }

        _r.Read();
        while (!_r.EOF && !(_r.Depth == depth && _r.NodeType == XmlNodeType.EndElement))
        {
            if (_r.NodeType == XmlNodeType.Element && _n.IsW(_r.NamespaceURI)
                && (ReferenceEquals(_r.LocalName, _n.TblPrChange) || ReferenceEquals(_r.LocalName, _n.TblGridChange)))
            {
                _context.HasTrackedChanges = true;
            }

            _r.Read();
        }

        _r.Read();
    }

    /// <summary>
    /// Markup compatibility (ECMA-376 Part 3): of an <c>mc:AlternateContent</c>, read the first <c>mc:Choice</c> only.
    /// Returns true when the current element was an mc: element and has been dealt with.
    /// </summary>
    private bool HandleMarkupCompatibility()
    {
        if (!ReferenceEquals(_r.NamespaceURI, _n.Mc))
        {
            return false;
        }

        var depth = _r.Depth;
        while (_alternateContent.Count > 0 && _alternateContent.Peek().Depth >= depth)
        {
            _alternateContent.Pop();
        }

        if (ReferenceEquals(_r.LocalName, _n.AlternateContent))
        {
            if (!_r.IsEmptyElement)
            {
                _alternateContent.Push((depth, false));
            }

            _r.Read();
            return true;
        }

        if (ReferenceEquals(_r.LocalName, _n.Choice) && _alternateContent.TryPeek(out var open) && open.Depth == depth - 1 && !open.Taken)
        {
            _alternateContent.Pop();
            _alternateContent.Push((open.Depth, true));
            _r.Read();
            return true;
        }

        _r.Skip();
        return true;
    }

    /// <summary>Skips the current element, still counting the paragraphs inside it so that ordinals stay right.</summary>
    private void SkipCountingParagraphs()
    {
        if (_r.IsEmptyElement)
        {
            _r.Read();
            return;
        }

        ForEachDescendant(() =>
        {
            if (HandleMarkupCompatibility())
            {
                return true;
            }

            if (_n.IsW(_r.NamespaceURI) && ReferenceEquals(_r.LocalName, _n.P))
            {
                CountParagraph();
            }

            return false;
        });
    }

    /// <summary>Steps onto the first child of the current element; false (and past it) when the element is empty.</summary>
    private bool Begin(out int depth)
    {
        depth = _r.Depth;
        if (_r.IsEmptyElement)
        {
            _r.Read();
            return false;
        }

        _r.Read();
        return true;
    }

    /// <summary>True while the reader is inside the element begun at <paramref name="depth"/>; on its end tag, steps past it.</summary>
    private bool Inside(int depth)
    {
        if (_r.EOF)
        {
            return false;
        }

        if (_r.Depth == depth && _r.NodeType == XmlNodeType.EndElement)
        {
            _r.Read();
            return false;
        }

        return true;
    }

    /// <summary>
    /// Visits every element below the current one in document order. <paramref name="visit"/> either consumes the
    /// element (returns true, reader already past it) or returns false to step into it. Leaves the reader after the
    /// current element.
    /// </summary>
    private void ForEachDescendant(Func<bool> visit)
    {
        if (!Begin(out var depth))
        {
            return;
        }

        while (Inside(depth))
        {
            if (_r.NodeType == XmlNodeType.Element && visit())
            {
                continue;
            }

            _r.Read();
        }
    }

    /// <summary>Like <see cref="ForEachDescendant"/> but visits only direct children.</summary>
    private void ForEachChild(Func<bool> visit) => StyleSheet.ForEachChild(_r, visit);
}
