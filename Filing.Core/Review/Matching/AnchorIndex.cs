using System.Buffers;

namespace Filing.Core.Review.Matching;

/// <summary>
/// The literal prefilter: every anchor of every pattern rule in one <see cref="SearchValues{T}"/> of strings
/// (~166 MB/s for thousands of literals, see platform notes), mapped back to the rules that own it. Only clauses
/// holding an anchor are matched, and only those are segmented by jieba.
/// </summary>
internal sealed class AnchorIndex
{
    private readonly SearchValues<string>? _values;
    private readonly Dictionary<char, (string Anchor, int[] Rules)[]> _byFirstChar;

    public AnchorIndex(IReadOnlyList<CompiledRule> rules)
    {
        var owners = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var matcher in rules[i].AllMatchers)
            {
                foreach (var anchor in matcher.Anchors)
                {
                    if (!owners.TryGetValue(anchor, out var set))
                    {
                        owners[anchor] = set = [];
                    }

                    set.Add(i);
                }
            }
        }

        AnchorCount = owners.Count;
        _values = owners.Count == 0 ? null : SearchValues.Create([.. owners.Keys], StringComparison.Ordinal);
        _byFirstChar = owners
            .GroupBy(kv => kv.Key[0])
            .ToDictionary(g => g.Key, g => g.Select(kv => (kv.Key, kv.Value.ToArray())).ToArray());
    }

    public int AnchorCount { get; }

    /// <summary>Every anchor occurrence in <paramref name="text"/>: position and the rules that own the anchor.</summary>
    public void FindAll(string text, List<(int Position, int[] Rules)> hits)
    {
        hits.Clear();
        if (_values is null)
        {
            return;
        }

        var from = 0;
        while (from < text.Length)
        {
            var at = text.AsSpan(from).IndexOfAny(_values);
            if (at < 0)
            {
                break;
            }

            var pos = from + at;
            foreach (var (anchor, rules) in _byFirstChar[text[pos]])
            {
                if (string.CompareOrdinal(text, pos, anchor, 0, anchor.Length) == 0)
                {
                    hits.Add((pos, rules));
                }
            }

            from = pos + 1;
        }
    }
}
