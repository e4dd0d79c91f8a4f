using Filing.Core.Text;

namespace Filing.Core.Documents.Structure;

/// <summary>The structure of the normative text.</summary>
internal sealed record NormativeStructure(DocumentForm Form, IReadOnlyList<OutlineNode> Outline, IReadOnlyList<Article> Articles);

/// <summary>
/// Builds the outline (第X部分/章/节, 一、/（一）/1./（1）/①) and the articles (第X条 with 款, 项, 目) of the normative
/// text and gives every paragraph its structure path. Table-cell and text-box paragraphs never open a heading or an
/// article: they take the path of the section they sit in.
/// </summary>
/// <remarks>
/// Paths: headings concatenate canonical labels (二、（三）1.); chapters and sections give 第一章, 第一章第二节.
/// Article paths follow legal citation practice: an article with a single 款 is cited without it (第三条, 第三条第（一）项),
/// an article with several 款 names each (第三条第二款, 第三条第二款第（一）项第2目).
/// </remarks>
internal sealed class NormativeTextBuilder
{
    private readonly IReadOnlyList<Line> _lines;
    private readonly Annotations _ann;
    private readonly bool _articleMode;
    private readonly bool _wholeDocument;
    private readonly List<HeadingFrame> _stack = [];
    private readonly HeadingFrame _root = new("", -1, "", null);
    private readonly List<Article> _articles = [];
    private readonly Dictionary<int, string> _seenArticles = [];
    private readonly List<Clause> _clauseBuffer = new(8);
    private readonly List<Member> _memberBuffer = new(32);
    private ArticleDraft? _article;
    private int _lastArticle;
    private string? _chapter;
    private string? _section;

    private NormativeTextBuilder(IReadOnlyList<Line> lines, Annotations ann, bool articleMode, bool wholeDocument)
    {
        _lines = lines;
        _ann = ann;
        _articleMode = articleMode;
        _wholeDocument = wholeDocument;
    }

    /// <param name="lines">All paragraphs.</param>
    /// <param name="zone">Indexes of the normative text's paragraphs, in order.</param>
    /// <param name="ann">Where roles, paths, labels and warnings go.</param>
    /// <param name="wholeDocument">False for a pasted passage, which may start anywhere in a numbering.</param>
    public static NormativeStructure Build(IReadOnlyList<Line> lines, IReadOnlyList<int> zone, Annotations ann, bool wholeDocument)
    {
        var articleMode = HasArticles(lines, zone);
        var builder = new NormativeTextBuilder(lines, ann, articleMode, wholeDocument);
        foreach (var i in zone)
        {
            builder.Add(lines[i]);
        }

        builder.CloseArticle();
        var outline = builder._root.Children.Select(c => c.ToNode(1)).ToList();
        return new NormativeStructure(articleMode ? DocumentForm.Articles : DocumentForm.Outline, outline, builder._articles);
    }

    /// <summary>Labels in a text that is not the normative text (a covering notice): kept, without paths.</summary>
    public static void LabelOnly(IReadOnlyList<Line> lines, IEnumerable<int> zone, Annotations ann)
    {
        foreach (var i in zone)
        {
            var line = lines[i];
            ann.Set(line, ParagraphRole.Body, null, line.IsBody ? line.Label?.Canonical : null);
        }
    }

    private static bool HasArticles(IReadOnlyList<Line> lines, IReadOnlyList<int> zone)
    {
        var last = 0;
        foreach (var i in zone)
        {
            if (lines[i] is { IsBody: true, Label: { Kind: LabelKind.Article } label } && (label.HasSeparator || label.Number == last + 1))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(Line line)
    {
        if (line.IsEmpty)
        {
            _ann.Set(line, ParagraphRole.Empty);
            return;
        }

        if (!line.IsBody)
        {
            // Tables and text boxes belong to whatever section they sit in.
            if (_article is not null)
            {
                _article.AddAttached(line);
            }
            else
            {
                _ann.Set(line, ParagraphRole.Body, CurrentHeadingPath());
            }

            return;
        }

        var label = line.Label;
        switch (label?.Kind)
        {
            case LabelKind.Part or LabelKind.Chapter or LabelKind.Section when AcceptsHeading(line, label!):
                CloseArticle();
                OpenHeading(line, label!);
                return;
            case LabelKind.Article when _articleMode && (label!.HasSeparator || label.Number == _lastArticle + 1):
                CloseArticle();
                OpenArticle(line, label!);
                return;
            case >= LabelKind.Level1 when _article is not null && _article.TakesItem(label!):
                _article.AddItem(line, label!);
                return;
            case >= LabelKind.Level1 when _article is null:
                OpenHeading(line, label!);
                return;
        }

        if (_article is not null)
        {
            _article.AddParagraph(line);
            return;
        }

        var path = CurrentHeadingPath();
        _ann.Set(line, ParagraphRole.Body, path);
        if (_articleMode)
        {
            _ann.WarnUnplaced(line, path is null ? "第一条之前" : path + "中条文之外");
        }
    }

    // 第一章 is a heading when followed by a space, when it is a short line of its own (第五章附则), or when it is the
    // next chapter; 第一章规定的… is text.
    private bool AcceptsHeading(Line line, StructureLabel label)
    {
        if (label.HasSeparator || (line.ContentLength <= 30 && !line.HasSentencePunctuation))
        {
            return true;
        }

        var parent = ParentFor(label.Rank);
        return parent.LastNumber(label.Kind) + 1 == label.Number;
    }

    private HeadingFrame ParentFor(int rank)
    {
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            if (_stack[i].Rank < rank)
            {
                return _stack[i];
            }
        }

        return _root;
    }

    private void OpenHeading(Line line, StructureLabel label)
    {
        while (_stack.Count > 0 && _stack[^1].Rank >= label.Rank)
        {
            _stack.RemoveAt(_stack.Count - 1);
        }

        var parent = _stack.Count > 0 ? _stack[^1] : _root;
        CheckSequence(parent.LastNumber(label.Kind), label, parent.Path, "number-gap", "number-order");
        parent.SetLastNumber(label.Kind, label.Number);

        var path = parent.Path + label.Canonical;
        var heading = HeadingText(line.Text.AsSpan(label.ContentStart), label.Kind);
        var node = new NodeDraft(label.Canonical, heading, path, line.Index);
        var frame = new HeadingFrame(label.Canonical, label.Rank, path, node);
        parent.Children.Add(node);
        _stack.Add(frame);
        _ann.Set(line, ParagraphRole.Heading, path, label.Canonical);

        if (label.Kind == LabelKind.Chapter)
        {
            _chapter = label.Canonical;
            _section = null;
        }
        else if (label.Kind == LabelKind.Section)
        {
            _section = label.Canonical;
        }
        else if (label.Kind == LabelKind.Part)
        {
            _chapter = null;
            _section = null;
        }
    }

    private void OpenArticle(Line line, StructureLabel label)
    {
        if (_seenArticles.TryGetValue(label.Number, out var earlier))
        {
            _ann.Warn("duplicate-article", $"{label.Canonical}重复出现（前一处：{earlier}）", label.Canonical);
        }
        else if (_lastArticle > 0 || _wholeDocument)
        {
            CheckSequence(_lastArticle, label, "", "number-gap", "number-order");
        }

        _seenArticles.TryAdd(label.Number, Annotations.ParagraphRef(line.Index));
        _lastArticle = Math.Max(_lastArticle, label.Number);
        _article = new ArticleDraft(this, line, label, _chapter, _section);
    }

    private void CloseArticle()
    {
        if (_article is null)
        {
            return;
        }

        _articles.Add(_article.Finish());
        _article = null;
    }

    private string? CurrentHeadingPath() => _stack.Count > 0 ? _stack[^1].Path : null;

    private void CheckSequence(int previous, StructureLabel label, string parentPath, string gapCode, string orderCode)
    {
        if (label.Number == previous + 1 || (previous == 0 && !_wholeDocument))
        {
            return;
        }

        var where = parentPath + label.Canonical;
        if (label.Number > previous + 1)
        {
            var expected = previous == 0 ? "前面没有编号" : $"前一个编号为{previous}";
            _ann.Warn(gapCode, $"编号不连续：{where}（{expected}）", where);
        }
        else
        {
            _ann.Warn(orderCode, $"编号重复或倒序：{where}（前一个编号为{previous}）", where);
        }
    }

    /// <summary>
    /// The heading of a labelled paragraph: for 章/节/部分 the rest of the line; for 一、（一）1. the part up to the
    /// first 。 when short (（一）指导思想。高举… → 指导思想), the whole line when it is a short heading without a full stop,
    /// else empty (a numbered sentence, not a heading).
    /// </summary>
    internal static string HeadingText(ReadOnlySpan<char> rest, LabelKind kind)
    {
        var text = rest.Trim();
        if (kind is LabelKind.Part or LabelKind.Chapter or LabelKind.Section)
        {
            return TextShape.Compact(text.ToString());
        }

        // Headings are short: only the first few dozen characters matter, however long the paragraph.
        var stop = text[..Math.Min(text.Length, 42)].IndexOf('。');
        if (stop < 0)
        {
            if (text.Length > 48)
            {
                return "";
            }

            var whole = TextShape.TrimTrailingPunctuation(text.ToString());
            return whole.Length <= 40 && whole.IndexOfAny(['；', ';']) < 0 ? TextShape.Compact(whole) : "";
        }

        var head = text[..stop];
        var sentenceOnly = text[(stop + 1)..].Trim().IsEmpty;
        if (head.Length > 30 || (sentenceOnly && head.IndexOfAny("，,；;") >= 0))
        {
            return "";
        }

        return TextShape.Compact(TextShape.TrimTrailingPunctuation(head.ToString()));
    }

    private sealed class HeadingFrame(string label, int rank, string path, NodeDraft? node)
    {
        private readonly int[] _last = new int[(int)LabelKind.Level5 + 1];

        public string Label { get; } = label;

        public int Rank { get; } = rank;

        public string Path { get; } = path;

        /// <summary>The heading's node; null for the root frame.</summary>
        public NodeDraft? Node { get; } = node;

        public List<NodeDraft> Children { get; } = node?.Children ?? [];

        public int LastNumber(LabelKind kind) => _last[(int)kind];

        public void SetLastNumber(LabelKind kind, int number) => _last[(int)kind] = number;
    }

    private sealed class NodeDraft(string label, string heading, string path, int paragraph)
    {
        public List<NodeDraft> Children { get; } = [];

        public OutlineNode ToNode(int level) =>
            new(label, heading, level, path, paragraph, Children.Select(c => c.ToNode(level + 1)).ToList());
    }

    /// <summary>An article being read: its 款, their 项 and 目, and every paragraph with its place.</summary>
    private sealed class ArticleDraft
    {
        private static readonly string[] ClauseOrdinals = [.. Enumerable.Range(1, 20).Select(ChineseNumerals.Format)];

        private readonly NormativeTextBuilder _owner;
        private readonly StructureLabel _label;
        private readonly string? _chapter;
        private readonly string? _section;
        private readonly List<Clause> _clauses;
        private readonly List<Member> _members;

        public ArticleDraft(NormativeTextBuilder owner, Line line, StructureLabel label, string? chapter, string? section)
        {
            _owner = owner;

            // One article is open at a time: its working lists are the builder's, reused from article to article.
            _clauses = owner._clauseBuffer;
            _members = owner._memberBuffer;
            _clauses.Clear();
            _members.Clear();
            _label = label;
            _chapter = chapter;
            _section = section;
            var clause = new Clause(line, TextAfter(line, label.ContentStart));
            _clauses.Add(clause);
            _members.Add(new Member(line, clause, null, null, true));
        }

        private Clause Current => _clauses[^1];

        /// <summary>（一） and 一、 open a 项; 1. opens a 目 under a 项, or a 项 when there is none.</summary>
        public bool TakesItem(StructureLabel label) => label.Kind switch
        {
            // 一、 inside an article only when the 款 announces a list (…如下：) or already has such items;
            // otherwise it is a heading that ends the article.
            LabelKind.Level1 => Current.Text.EndsWith('：') || Current.Text.EndsWith(':') || (Current.Items?.Exists(i => i.Kind == LabelKind.Level1) ?? false),
            _ => true,
        };

        public void AddItem(Line line, StructureLabel label)
        {
            var clause = Current;
            var lastItem = clause.LastItem;
            switch (label.Kind)
            {
                case LabelKind.Level4 or LabelKind.Level5:
                    // Below 目 there is no level of its own: the paragraph belongs to the current 目 or 项.
                    _members.Add(new Member(line, clause, lastItem, lastItem?.LastSubItem, false));
                    return;
                case LabelKind.Level3 when lastItem is not null && lastItem.Kind != LabelKind.Level3:
                    _owner.CheckSequence(lastItem.LastSubItem?.Number ?? 0, label, _label.Canonical + lastItem.Label.Canonical, "number-gap", "number-order");
                    var sub = new ItemDraft(label, TextAfter(line, label.ContentStart), LabelKind.Level3);
                    (lastItem.SubItems ??= new List<ItemDraft>(4)).Add(sub);
                    _members.Add(new Member(line, clause, lastItem, sub, false));
                    return;
                default:
                    _owner.CheckSequence(lastItem?.Number ?? 0, label, _label.Canonical, "number-gap", "number-order");
                    var item = new ItemDraft(label, TextAfter(line, label.ContentStart), label.Kind);
                    (clause.Items ??= new List<ItemDraft>(4)).Add(item);
                    _members.Add(new Member(line, clause, item, null, false));
                    return;
            }
        }

        public void AddParagraph(Line line)
        {
            var clause = new Clause(line, line.Content);
            _clauses.Add(clause);
            _members.Add(new Member(line, clause, null, null, true));
        }

        public void AddAttached(Line line)
        {
            var clause = Current;
            var item = clause.LastItem;
            _members.Add(new Member(line, clause, item, item?.LastSubItem, false));
        }

        public Article Finish()
        {
            var articleLabel = _label.Canonical;
            var several = _clauses.Count > 1;
            var items = new List<ArticleItem>();
            var paragraphs = new string[_clauses.Count];
            for (var k = 0; k < _clauses.Count; k++)
            {
                var clause = _clauses[k];
                paragraphs[k] = clause.Text;
                clause.Path = several ? string.Concat(articleLabel, "第", Ordinal(k + 1), "款") : articleLabel;
                foreach (var item in clause.Items ?? [])
                {
                    item.Path = clause.Path + ItemSegment(item);
                    var subs = new ArticleItem[item.SubItems?.Count ?? 0];
                    for (var n = 0; n < subs.Length; n++)
                    {
                        var s = item.SubItems![n];
                        s.Path = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{item.Path}第{s.Number}目");
                        subs[n] = new ArticleItem(s.Label.Canonical, s.Number, s.Path, s.Text, []);
                    }

                    items.Add(new ArticleItem(item.Label.Canonical, item.Number, item.Path, item.Text, subs));
                }
            }

            var texts = new string[_members.Count];
            var indexes = new int[_members.Count];
            for (var m = 0; m < _members.Count; m++)
            {
                var (line, clause, item, sub, own) = _members[m];
                texts[m] = m == 0 ? _clauses[0].Text : line.Content;
                indexes[m] = line.Index;
                var path = sub?.Path ?? item?.Path ?? clause.Path;
                var label = m == 0 ? articleLabel : !own && line.IsBody ? line.Label?.Canonical : null;
                _owner._ann.Set(line, ParagraphRole.Body, path, label);
            }

            return new Article(articleLabel, _label.Number, articleLabel, string.Join('\n', texts), paragraphs, items, _chapter, _section, indexes);
        }

        private static string Ordinal(int n) => n <= ClauseOrdinals.Length ? ClauseOrdinals[n - 1] : ChineseNumerals.Format(n);

        private static string TextAfter(Line line, int start)
        {
            var span = line.Text.AsSpan(start).Trim();
            return span.Length == line.Text.Length ? line.Text : span.ToString();
        }

        private static string ItemSegment(ItemDraft item) => item.Kind switch
        {
            LabelKind.Level1 => string.Concat("第", item.Label.Canonical.AsSpan().TrimEnd('、'), "项"),
            LabelKind.Level3 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"第{item.Number}项"),
            _ => string.Concat("第", item.Label.Canonical, "项"),
        };
    }

    private readonly record struct Member(Line Line, Clause Clause, ItemDraft? Item, ItemDraft? Sub, bool Own);

    private sealed class Clause(Line line, string text)
    {
        public Line Line { get; } = line;

        public string Text { get; } = text;

        public List<ItemDraft>? Items { get; set; }

        public ItemDraft? LastItem => Items is { Count: > 0 } items ? items[^1] : null;

        public string Path { get; set; } = "";
    }

    private sealed class ItemDraft(StructureLabel label, string text, LabelKind kind)
    {
        public StructureLabel Label { get; } = label;

        public string Text { get; } = text;

        public LabelKind Kind { get; } = kind;

        public int Number => Label.Number;

        public List<ItemDraft>? SubItems { get; set; }

        public ItemDraft? LastSubItem => SubItems is { Count: > 0 } subs ? subs[^1] : null;

        public string Path { get; set; } = "";
    }
}
