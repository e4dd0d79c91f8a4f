namespace Filing.Core.Review.Matching;

/// <summary>
/// Finds every occurrence of a set of literals in one pass: a table indexed by character says which literals start
/// with it, so each character of the text costs one array read, and the few literals that start with it are compared
/// ordinally. For Chinese literals this is several times faster than <c>SearchValues&lt;string&gt;</c>, whose
/// non-ASCII path walks an Aho–Corasick automaton through a dictionary per character, and than a
/// <c>SearchValues&lt;char&gt;</c> of first characters, which for hundreds of common CJK characters hits almost every
/// position anyway.
/// </summary>
internal sealed class LiteralIndex
{
    // 64K references (512 KB): one slot per UTF-16 code unit; null where no literal starts.
    private readonly int[]?[] _byFirstChar = new int[]?[char.MaxValue + 1];
    private readonly string[] _literals;

    public LiteralIndex(IEnumerable<string> literals)
    {
        _literals = literals.Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var group in Enumerable.Range(0, _literals.Length).GroupBy(i => _literals[i][0]))
        {
            _byFirstChar[group.Key] = [.. group];
        }
    }

    /// <summary>The literals, indexed as reported by <see cref="FindAll"/>.</summary>
    public IReadOnlyList<string> Literals => _literals;

    /// <summary>Appends the position and index of every literal occurrence, left to right, to <paramref name="found"/>.</summary>
    public void FindAll(string text, List<(int Position, int Literal)> found)
    {
        var table = _byFirstChar;
        for (var pos = 0; pos < text.Length; pos++)
        {
            if (table[text[pos]] is not { } candidates)
            {
                continue;
            }

            foreach (var i in candidates)
            {
                var literal = _literals[i];
                if (literal.Length <= text.Length - pos && string.CompareOrdinal(text, pos, literal, 0, literal.Length) == 0)
                {
                    found.Add((pos, i));
                }
            }
        }
    }
}
