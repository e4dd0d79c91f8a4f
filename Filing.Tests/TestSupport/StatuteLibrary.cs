using System.Text.RegularExpressions;

namespace Filing.Tests.TestSupport;

/// <summary>
/// The statute texts in ../shared/laws (one article per paragraph, "第X条 …", items "（一）…" on their own lines),
/// parsed into articles with their paragraphs (款) and items (项). Nothing is copied into the repository; the
/// folder can be moved with FILING_LAWS_DIR.
/// </summary>
public sealed partial class StatuteLibrary
{
    private static readonly Lazy<StatuteLibrary> LazyShared = new(() => Load(Folder()));

    private readonly Dictionary<string, Dictionary<string, Article>> _laws;

    private StatuteLibrary(Dictionary<string, Dictionary<string, Article>> laws) => _laws = laws;

    public static StatuteLibrary Shared => LazyShared.Value;

    public IEnumerable<string> Laws => _laws.Keys;

    public static string Folder() =>
        Environment.GetEnvironmentVariable("FILING_LAWS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(RepoRoot.Find(), "..", "shared", "laws"));

    public bool HasLaw(string law) => _laws.ContainsKey(law);

    public Article? Find(string law, string article) =>
        _laws.TryGetValue(law, out var articles) && articles.TryGetValue(article, out var a) ? a : null;

    public static StatuteLibrary Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"Statute texts not found at '{folder}'. They live in ../shared/laws next to the repository (or set FILING_LAWS_DIR).");
        }

        var laws = new Dictionary<string, Dictionary<string, Article>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.md"))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            if (stem == "README")
            {
                continue;
            }

            var name = stem.Split('(')[0];
            if (name.StartsWith("民法典", StringComparison.Ordinal))
            {
                name = "民法典";
            }

            laws[name] = Parse(File.ReadAllLines(file));
        }

        return new StatuteLibrary(laws);
    }

    private static Dictionary<string, Article> Parse(string[] lines)
    {
        var result = new Dictionary<string, Article>(StringComparer.Ordinal);
        Article? current = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#') || line.StartsWith("<!--", StringComparison.Ordinal))
            {
                current = null;
                continue;
            }

            var article = ArticleStart().Match(line);
            if (article.Success)
            {
                current = new Article(article.Groups[1].Value);
                current.Paragraphs.Add(new Paragraph(line));
                result.TryAdd(current.Label, current);
                continue;
            }

            if (current is null)
            {
                continue;
            }

            var item = ItemStart().Match(line);
            if (item.Success)
            {
                current.Paragraphs[^1].Items.Add("第（" + item.Groups[1].Value + "）项");
            }
            else
            {
                current.Paragraphs.Add(new Paragraph(line));
            }
        }

        return result;
    }

    [GeneratedRegex(@"^(第[一二三四五六七八九十百零〇]+条)(?:\s|　|$)")]
    private static partial Regex ArticleStart();

    [GeneratedRegex(@"^[（(]([一二三四五六七八九十]+)[）)]")]
    private static partial Regex ItemStart();

    public sealed class Article(string label)
    {
        public string Label { get; } = label;

        public List<Paragraph> Paragraphs { get; } = [];

        public string Text => string.Join("\n", Paragraphs.Select(p => p.Text));

        public IEnumerable<string> AllItems => Paragraphs.SelectMany(p => p.Items);
    }

    public sealed class Paragraph(string text)
    {
        public string Text { get; } = text;

        public List<string> Items { get; } = [];
    }
}
