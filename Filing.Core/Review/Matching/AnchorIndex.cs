namespace Filing.Core.Review.Matching;

/// <summary>
/// The literal prefilter: every anchor of every pattern rule in one <see cref="LiteralIndex"/>, mapped back to the
/// matchers that own it. Only the
/// matchers whose anchors occur in a clause run on it, and only those clauses are segmented by jieba.
/// </summary>
/// <remarks>Owners are encoded as <c>rule * <see cref="MaxMatchers"/> + matcher</c>.</remarks>
internal sealed class AnchorIndex
{
    private readonly LiteralIndex _literals;
    private readonly int[][] _owners;

    /// <summary>Most matchers a rule may have (the owner encoding's radix).</summary>
    public const int MaxMatchers = 64;

    public AnchorIndex(IReadOnlyList<CompiledRule> rules)
    {
        var owners = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var m = 0;
            foreach (var matcher in rules[i].AllMatchers)
            {
                foreach (var anchor in matcher.Anchors)
                {
                    if (!owners.TryGetValue(anchor, out var set))
                    {
                        owners[anchor] = set = [];
                    }

                    set.Add(i * MaxMatchers + m);
                }

                m++;
            }
        }

        AnchorCount = owners.Count;
        _literals = new LiteralIndex(owners.Keys);
        _owners = _literals.Literals.Select(l => owners[l].ToArray()).ToArray();
    }

    public int AnchorCount { get; }

    /// <summary>Every anchor occurrence in <paramref name="text"/>: position and the matchers (encoded) that own the anchor.</summary>
    public void FindAll(string text, List<(int Position, int[] Owners)> hits, List<(int Position, int Literal)> found)
    {
        hits.Clear();
        found.Clear();
        _literals.FindAll(text, found);
        foreach (var (position, literal) in found)
        {
            hits.Add((position, _owners[literal]));
        }
    }
}
