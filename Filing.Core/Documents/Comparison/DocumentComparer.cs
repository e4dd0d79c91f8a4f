namespace Filing.Core.Documents.Comparison;

/// <summary>How a provision differs between two versions.</summary>
public enum ProvisionChangeKind
{
    /// <summary>Only in the new version (新增).</summary>
    Added,

    /// <summary>Only in the old version (删除).</summary>
    Removed,

    /// <summary>In both, with different text (修改); it may also have moved to another number.</summary>
    Changed,

    /// <summary>Same text under another number or path (条文序号调整).</summary>
    Renumbered,
}

/// <summary>One provision (an article, or the text under one heading) that differs.</summary>
/// <param name="Kind">Added, removed, changed or renumbered.</param>
/// <param name="FromPath">Path in the old version (第五条, 二、（三）), null when added or outside any heading.</param>
/// <param name="ToPath">Path in the new version, null when removed or outside any heading.</param>
/// <param name="Heading">The heading or chapter the provision belongs to in the newer version it appears in, if any.</param>
/// <param name="OldText">Old text (labels stripped), null when added.</param>
/// <param name="NewText">New text, null when removed.</param>
/// <param name="Segments">Character diff from old to new for a change; empty otherwise.</param>
public sealed record ProvisionChange(
    ProvisionChangeKind Kind,
    string? FromPath,
    string? ToPath,
    string? Heading,
    string? OldText,
    string? NewText,
    IReadOnlyList<DiffSegment> Segments);

/// <summary>What units were compared.</summary>
public enum ComparisonBasis
{
    /// <summary>第X条 articles (both versions are written in articles), matched by text so renumbering is recognised.</summary>
    Articles,

    /// <summary>Text under each heading path (一、（一）…), matched by structure path, then by text.</summary>
    StructurePaths,
}

/// <summary>The provisions that differ between two versions of a document, in the order of the new version.</summary>
/// <param name="Basis">Articles or structure paths.</param>
/// <param name="Unchanged">Provisions with the same text under the same path.</param>
/// <param name="Changes">The differences.</param>
public sealed record DocumentComparison(ComparisonBasis Basis, int Unchanged, IReadOnlyList<ProvisionChange> Changes)
{
    /// <summary>How many provisions of each kind.</summary>
    public int Count(ProvisionChangeKind kind) => Changes.Count(c => c.Kind == kind);
}

/// <summary>
/// Compares two readings of a normative document provision by provision. Documents written in articles are compared
/// article by article; others by the text under each structure path (一、（一）1.). Provisions are aligned in order:
/// identical texts first (so an inserted article does not make every later one look changed), then, between those
/// anchors, the most similar pairs (same path preferred) are taken as changed and the rest as added or removed.
/// </summary>
public static class DocumentComparer
{
    /// <summary>Two texts at least this similar (character-bigram Dice) count as one changed provision.</summary>
    public const double ChangedThreshold = 0.5;

    /// <summary>
    /// Under the same path, or at the same place of a rewrite (as many provisions removed as added between two
    /// unchanged ones), a lower similarity still counts as a change rather than remove + add.
    /// </summary>
    public const double SamePathThreshold = 0.2;

    private const int MaxGapForPairing = 300;

    private static readonly HashSet<ParagraphRole> ContentRoles =
    [
        ParagraphRole.Heading, ParagraphRole.Body, ParagraphRole.EnclosedTitle, ParagraphRole.AttachmentNote, ParagraphRole.Attachment,
    ];

    /// <summary>Compares <paramref name="older"/> with <paramref name="newer"/>.</summary>
    public static DocumentComparison Compare(NormativeDocument older, NormativeDocument newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var basis = older.Articles.Count > 0 && newer.Articles.Count > 0 ? ComparisonBasis.Articles : ComparisonBasis.StructurePaths;
        var a = Units(older, basis);
        var b = Units(newer, basis);
        return Compare(a, b, basis);
    }

    /// <summary>The provisions of a document as compared: key (path), heading and text, in reading order.</summary>
    public static IReadOnlyList<Provision> Units(NormativeDocument document, ComparisonBasis basis)
    {
        ArgumentNullException.ThrowIfNull(document);
        var byParagraph = new Dictionary<int, Article>();
        if (basis == ComparisonBasis.Articles)
        {
            foreach (var article in document.Articles)
            {
                foreach (var index in article.ParagraphIndexes)
                {
                    byParagraph[index] = article;
                }
            }
        }

        var units = new List<Provision>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal); // key → index in units (outline paths may recur)
        string? heading = null;
        foreach (var p in document.Paragraphs)
        {
            if (!ContentRoles.Contains(p.Role) || string.IsNullOrWhiteSpace(p.Text))
            {
                continue;
            }

            if (byParagraph.TryGetValue(p.Index, out var article))
            {
                if (!open.ContainsKey(article.Path))
                {
                    open[article.Path] = units.Count;
                    units.Add(new Provision(article.Path, article.Chapter is null ? heading : JoinHeading(article.Chapter, article.Section), article.Text));
                }

                continue;
            }

            var text = WithoutLabel(p);
            if (p.Role == ParagraphRole.Heading)
            {
                heading = p.Path ?? p.Text;
            }

            // Outside articles: group by structure path; text before any heading and attachments form their own units.
            var key = p.Path ?? (p.Role is ParagraphRole.Attachment or ParagraphRole.AttachmentNote ? "附件" : "正文");
            if (open.TryGetValue(key, out var at) && (basis == ComparisonBasis.StructurePaths || at == units.Count - 1))
            {
                units[at] = units[at] with { Text = units[at].Text + "\n" + text };
            }
            else
            {
                open[key] = units.Count;
                units.Add(new Provision(key, p.Role == ParagraphRole.Heading ? null : heading, text));
            }
        }

        return units;
    }

    /// <summary>Compares two provision lists (exposed for tests and for callers with their own units).</summary>
    public static DocumentComparison Compare(IReadOnlyList<Provision> older, IReadOnlyList<Provision> newer, ComparisonBasis basis)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var anchors = Anchors(older, newer);
        var changes = new List<ProvisionChange>();
        var unchanged = 0;
        int i = 0, j = 0;
        foreach (var (ai, bj) in anchors.Append((older.Count, newer.Count)))
        {
            changes.AddRange(Gap(older, i, ai, newer, j, bj));
            if (ai < older.Count)
            {
                if (older[ai].Key == newer[bj].Key)
                {
                    unchanged++;
                }
                else
                {
                    changes.Add(new ProvisionChange(ProvisionChangeKind.Renumbered, older[ai].Key, newer[bj].Key, newer[bj].Heading,
                        older[ai].Text, newer[bj].Text, []));
                }
            }

            i = ai + 1;
            j = bj + 1;
        }

        return new DocumentComparison(basis, unchanged, changes);
    }

    /// <summary>Pairs of identical texts in order (longest common subsequence over texts).</summary>
    private static List<(int, int)> Anchors(IReadOnlyList<Provision> a, IReadOnlyList<Provision> b)
    {
        var n = a.Count;
        var m = b.Count;
        var left = a.Select(p => Squash(p.Text)).ToArray();
        var right = b.Select(p => Squash(p.Text)).ToArray();
        bool Same(int x, int y) => string.Equals(left[x], right[y], StringComparison.Ordinal);
        var lengths = new int[n + 1, m + 1];
        for (var x = n - 1; x >= 0; x--)
        {
            for (var y = m - 1; y >= 0; y--)
            {
                lengths[x, y] = Same(x, y) ? lengths[x + 1, y + 1] + 1 : Math.Max(lengths[x + 1, y], lengths[x, y + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        for (int x = 0, y = 0; x < n && y < m;)
        {
            if (Same(x, y))
            {
                pairs.Add((x, y));
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return pairs;
    }

    /// <summary>Within a gap between anchors: best order-preserving pairing by similarity, the rest added/removed.</summary>
    private static IEnumerable<ProvisionChange> Gap(IReadOnlyList<Provision> a, int a0, int a1, IReadOnlyList<Provision> b, int b0, int b1)
    {
        var n = a1 - a0;
        var m = b1 - b0;
        if (n == 0 && m == 0)
        {
            yield break;
        }

        var pairs = n > 0 && m > 0 && n * m <= MaxGapForPairing * MaxGapForPairing ? Pair(a, a0, n, b, b0, m) : [];
        int x = a0, y = b0;
        foreach (var (px, py) in pairs.Append((a1, b1)))
        {
            // Removed provisions before the pair, then added ones, so the result follows the new version's order.
            for (; x < px; x++)
            {
                yield return new ProvisionChange(ProvisionChangeKind.Removed, a[x].Key, null, a[x].Heading, a[x].Text, null, []);
            }

            for (; y < py; y++)
            {
                yield return new ProvisionChange(ProvisionChangeKind.Added, null, b[y].Key, b[y].Heading, null, b[y].Text, []);
            }

            if (px < a1)
            {
                yield return new ProvisionChange(ProvisionChangeKind.Changed, a[px].Key, b[py].Key, b[py].Heading, a[px].Text, b[py].Text,
                    TextDiff.Diff(a[px].Text, b[py].Text));
                x = px + 1;
                y = py + 1;
            }
        }
    }

    private static List<(int, int)> Pair(IReadOnlyList<Provision> a, int a0, int n, IReadOnlyList<Provision> b, int b0, int m)
    {
        // Weighted LCS: a pair scores its similarity when it clears the threshold. The threshold is lower under the same
        // path, and when as many provisions were removed as added between two unchanged ones (a rewrite in place).
        var inPlace = n == m;
        var weight = new double[n, m];
        for (var x = 0; x < n; x++)
        {
            for (var y = 0; y < m; y++)
            {
                var s = Similarity(a[a0 + x].Text, b[b0 + y].Text);
                var samePath = a[a0 + x].Key == b[b0 + y].Key;
                weight[x, y] = s >= ChangedThreshold || ((samePath || (inPlace && x == y)) && s >= SamePathThreshold) ? s + (samePath ? 0.5 : 0) : 0;
            }
        }

        var best = new double[n + 1, m + 1];
        for (var x = n - 1; x >= 0; x--)
        {
            for (var y = m - 1; y >= 0; y--)
            {
                var take = weight[x, y] > 0 ? weight[x, y] + best[x + 1, y + 1] : 0;
                best[x, y] = Math.Max(take, Math.Max(best[x + 1, y], best[x, y + 1]));
            }
        }

        var pairs = new List<(int, int)>();
        for (int x = 0, y = 0; x < n && y < m;)
        {
            if (weight[x, y] > 0 && best[x, y] == weight[x, y] + best[x + 1, y + 1])
            {
                pairs.Add((a0 + x, b0 + y));
                x++;
                y++;
            }
            else if (best[x + 1, y] >= best[x, y + 1])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return pairs;
    }

    /// <summary>Dice coefficient over character bigrams (single characters for one-character texts).</summary>
    public static double Similarity(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var a = Bigrams(Squash(left));
        var b = Bigrams(Squash(right));
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var common = 0;
        foreach (var (gram, count) in a)
        {
            if (b.TryGetValue(gram, out var other))
            {
                common += Math.Min(count, other);
            }
        }

        return 2.0 * common / (a.Values.Sum() + b.Values.Sum());
    }

    private static Dictionary<string, int> Bigrams(string text)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        if (text.Length == 1)
        {
            grams[text] = 1;
        }

        for (var i = 0; i + 1 < text.Length; i++)
        {
            var gram = text.Substring(i, 2);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    /// <summary>Whitespace does not make a difference between provisions.</summary>
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string WithoutLabel(DocParagraph p)
    {
        if (p.Label is { Length: > 0 } label && p.Text.StartsWith(label, StringComparison.Ordinal))
        {
            return p.Text[label.Length..].TrimStart();
        }

        return p.Text.Trim();
    }

    private static string JoinHeading(string chapter, string? section) => section is null ? chapter : chapter + section;
}

/// <summary>A compared unit: an article, or the text under a structure path.</summary>
/// <param name="Key">第五条, 二、（三）, 正文 (before any heading) or 附件.</param>
/// <param name="Heading">The chapter (第一章) or heading path it sits under, if any.</param>
/// <param name="Text">Its text without labels, paragraphs joined by '\n'.</param>
public sealed record Provision(string Key, string? Heading, string Text);
