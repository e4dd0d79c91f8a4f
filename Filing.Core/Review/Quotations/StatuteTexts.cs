using System.Text;
using System.Text.RegularExpressions;
using Filing.Core.Text;

namespace Filing.Core.Review.Quotations;

/// <summary>
/// The statute texts shipped in <c>corpus/statutes</c> (法律、行政法规: one article per paragraph, "第X条 …"), indexed so
/// that the review engine can check whether text a draft quotes from a statute occurs in it. Texts are compared in a
/// compact form: normalised (full-width ASCII folded) with every white-space character removed, so line breaks
/// between items and spaces in 第一章 总 则 do not matter. Immutable and thread-safe.
/// </summary>
public sealed partial class StatuteTexts
{
    private readonly Dictionary<string, Law> _laws;

    private StatuteTexts(Dictionary<string, Law> laws) => _laws = laws;

    /// <summary>No statute texts: every quotation is unverifiable.</summary>
    public static StatuteTexts Empty { get; } = new(new Dictionary<string, Law>(StringComparer.Ordinal));

    /// <summary>Short names of the laws held (without 中华人民共和国, e.g. 行政处罚法).</summary>
    public IEnumerable<string> Laws => _laws.Keys;

    /// <summary>Whether the text of <paramref name="law"/> (with or without 中华人民共和国) is held.</summary>
    public bool Has(string law) => _laws.ContainsKey(ShortName(law));

    /// <summary>Loads every <c>*.md</c> in <paramref name="directory"/> except README.md.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">A file holds no article.</exception>
    public static StatuteTexts Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"statute texts folder '{directory}' does not exist.");
        }

        var laws = new Dictionary<string, Law>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            if (stem.Equals("README", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = ShortName(stem.Split('(')[0]);
            if (name.StartsWith("民法典", StringComparison.Ordinal))
            {
                name = "民法典";
            }

            var law = Parse(name, File.ReadAllLines(file));
            if (law.Articles.Count == 0)
            {
                throw new InvalidDataException($"statute text '{Path.GetFileName(file)}' holds no article (第X条 …).");
            }

            laws[name] = law;
        }

        return new StatuteTexts(laws);
    }

    /// <summary>
    /// Where <paramref name="quoted"/> occurs in <paramref name="law"/>: in <paramref name="article"/> when one is named
    /// and the text is there, else in whichever article holds it. Passages elided with …… must occur in order in one
    /// article. Null when the law is not held or the text is not in it.
    /// </summary>
    /// <param name="law">Short or full name of the law.</param>
    /// <param name="article">第X条 as cited, or null.</param>
    /// <param name="quoted">The quoted text (any form; it is compacted here).</param>
    public string? FindArticle(string law, string? article, string quoted)
    {
        if (!_laws.TryGetValue(ShortName(law), out var l))
        {
            return null;
        }

        var parts = Parts(quoted);
        if (parts.Count == 0)
        {
            return null;
        }

        if (article is not null && l.Articles.TryGetValue(article, out var cited) && ContainsInOrder(cited, parts))
        {
            return article;
        }

        foreach (var (label, text) in l.Articles)
        {
            if (ContainsInOrder(text, parts))
            {
                return label;
            }
        }

        return null;
    }

    /// <summary>
    /// The first held law and article whose text contains <paramref name="text"/> verbatim (compacted), or null.
    /// Used for statute text copied into a draft without quotation marks.
    /// </summary>
    public (string Law, string Article)? FindAnywhere(string text)
    {
        var compact = Compact(text);
        if (compact.Length == 0)
        {
            return null;
        }

        foreach (var (name, law) in _laws)
        {
            var at = law.All.IndexOf(compact, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (name, law.ArticleAt(at));
            }
        }

        return null;
    }

    /// <summary>The name without 中华人民共和国 and surrounding white space.</summary>
    public static string ShortName(string law)
    {
        var name = law.Trim();
        return name.StartsWith("中华人民共和国", StringComparison.Ordinal) ? name["中华人民共和国".Length..] : name;
    }

    /// <summary>Normalised text without white space, and without the punctuation a quotation may add or drop at its ends.</summary>
    internal static string Compact(string text) => Squeeze(text).Trim(EdgePunctuation);

    /// <summary>Normalised text without white space.</summary>
    internal static string Squeeze(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static readonly char[] EdgePunctuation = [',', ';', ':', '。', '、', '“', '”', '「', '」', '‘', '’', '"', '…', '.'];

    private static List<string> Parts(string quoted)
    {
        var parts = new List<string>();
        foreach (var piece in Ellipsis().Split(quoted))
        {
            var compact = Compact(piece);
            if (compact.Length > 0)
            {
                parts.Add(compact);
            }
        }

        return parts;
    }

    private static bool ContainsInOrder(string text, List<string> parts)
    {
        var from = 0;
        foreach (var part in parts)
        {
            var at = text.IndexOf(part, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            from = at + part.Length;
        }

        return true;
    }

    private static Law Parse(string name, string[] lines)
    {
        var articles = new Dictionary<string, string>(StringComparer.Ordinal);
        var starts = new List<(int Offset, string Label)>();
        var all = new StringBuilder();
        string? label = null;
        StringBuilder? current = null;
        var infoEnded = !lines.Any(l => l.Trim() == "<!-- INFO END -->");
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (!infoEnded)
            {
                infoEnded = line == "<!-- INFO END -->";
                continue;
            }

            if (line.Length == 0 || line.StartsWith("<!--", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                // A chapter heading ends the article before it.
                Flush();
                continue;
            }

            var m = ArticleStart().Match(line);
            if (m.Success)
            {
                Flush();
                label = m.Groups[1].Value;
                current = new StringBuilder();
                starts.Add((all.Length, label));
            }

            if (current is null)
            {
                continue;
            }

            var compact = Squeeze(line);
            current.Append(compact);
            all.Append(compact);
        }

        Flush();
        return new Law(name, articles, all.ToString(), starts);

        void Flush()
        {
            if (label is not null && current is not null)
            {
                articles.TryAdd(label, current.ToString());
            }

            label = null;
            current = null;
        }
    }

    [GeneratedRegex(@"^(第[一二三四五六七八九十百零〇]+条)(?:\s|　|$)")]
    private static partial Regex ArticleStart();

    [GeneratedRegex(@"……|…|\.{3,6}")]
    private static partial Regex Ellipsis();

    private sealed record Law(string Name, Dictionary<string, string> Articles, string All, List<(int Offset, string Label)> Starts)
    {
        public string ArticleAt(int offset)
        {
            var label = Starts[0].Label;
            foreach (var (start, l) in Starts)
            {
                if (start > offset)
                {
                    break;
                }

                label = l;
            }

            return label;
        }
    }
}
