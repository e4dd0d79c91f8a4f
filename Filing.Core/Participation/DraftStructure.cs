using Filing.Core.Documents;

namespace Filing.Core.Participation;

/// <summary>
/// The structure of the draft put out for comment, as the reader found it: every structure path (articles, 款, 项,
/// 目, outline headings) with the paragraphs it covers. Places comment anchors: a path must exist, a quote must
/// occur in the text, exactly once within the named path (or the whole draft), never across paragraphs.
/// </summary>
public sealed class DraftStructure
{
    private readonly NormativeDocument _document;
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="document"/>.</summary>
    public DraftStructure(NormativeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _document = document;
        foreach (var p in document.Paragraphs)
        {
            if (p.Path is { } path)
            {
                _paths.Add(path);
            }
        }

        AddOutline(document.Outline);
        foreach (var article in document.Articles)
        {
            _paths.Add(article.Path);
            AddItems(article.Items);
        }
    }

    /// <summary>Every known path, in no particular order.</summary>
    public IReadOnlyCollection<string> Paths => _paths;

    /// <summary>The reader's form of <paramref name="path"/> when it names something in the draft, else null.</summary>
    public string? FindPath(string path)
    {
        var normalised = StructurePath.Normalise(path);
        if (_paths.Contains(normalised))
        {
            return normalised;
        }

        // The reader omits 第一款 for an article with a single 款 (第六条第（一）项), the way legal citations do.
        var withoutFirstClause = normalised.Replace("第一款", "", StringComparison.Ordinal);
        return withoutFirstClause != normalised && _paths.Contains(withoutFirstClause) ? withoutFirstClause : null;
    }

    /// <summary>Places an anchor given a path, a quote, or both; explains in Chinese and English when it cannot.</summary>
    public AnchorResolution Resolve(string? path, string? quote)
    {
        string? matched = null;
        if (!string.IsNullOrWhiteSpace(path))
        {
            matched = FindPath(path);
            if (matched is null)
            {
                return AnchorResolution.Refused("path",
                    $"草案中没有“{path.Trim()}”：请使用草案结构中的条款路径（如 {Example()}）/ The draft has no '{path.Trim()}'; use a structure path of the draft such as {Example()}.");
            }
        }

        var paragraphs = matched is null ? _document.Paragraphs : [.. _document.Paragraphs.Where(p => Covers(matched, p.Path))];
        if (string.IsNullOrEmpty(quote))
        {
            var first = paragraphs.Count > 0 ? paragraphs[0].Index : (int?)null;
            return new AnchorResolution(matched, null, matched is null ? null : first, null, null, null, null);
        }

        var hits = new List<(int Paragraph, int Start)>();
        foreach (var p in paragraphs)
        {
            for (var at = p.Text.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = p.Text.IndexOf(quote, at + 1, StringComparison.Ordinal))
            {
                hits.Add((p.Index, at));
                if (hits.Count > 20)
                {
                    break;
                }
            }
        }

        var where = matched is null ? "草案" : $"“{matched}”";
        return hits.Count switch
        {
            0 => AnchorResolution.Refused("quote", quote.Contains('\n', StringComparison.Ordinal)
                ? "引文不能跨段落：请只引用一个段落中的文字 / A quote cannot span paragraphs; quote text from one paragraph."
                : $"{where}中没有找到所引用的文字，请照原文复制 / The quoted passage does not occur in the {(matched is null ? "draft" : $"text of {matched}")}; copy it exactly."),
            1 => new AnchorResolution(matched, quote, hits[0].Paragraph, hits[0].Start, quote.Length, null, null),
            _ => AnchorResolution.Refused("quote",
                $"所引用的文字在{where}中出现 {hits.Count} 次：请引用更长的文字或同时注明条款路径 / The quoted passage occurs {hits.Count} times; quote more of it or give the article path as well."),
        };
    }

    private static bool Covers(string path, string? paragraphPath) =>
        paragraphPath is not null && paragraphPath.StartsWith(path, StringComparison.Ordinal);

    private string Example() =>
        _document.Articles.Count > 0 ? _document.Articles[0].Path
        : _document.Outline.Count > 0 ? _document.Outline[0].Children.Count > 0 ? _document.Outline[0].Children[0].Path : _document.Outline[0].Path
        : "第一条";

    private void AddOutline(IReadOnlyList<OutlineNode> nodes)
    {
        foreach (var node in nodes)
        {
            _paths.Add(node.Path);
            AddOutline(node.Children);
        }
    }

    private void AddItems(IReadOnlyList<ArticleItem> items)
    {
        foreach (var item in items)
        {
            _paths.Add(item.Path);
            AddItems(item.SubItems);
        }
    }
}
