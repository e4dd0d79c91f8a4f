namespace Filing.Core.Text;

/// <summary>A range of characters: <see cref="Start"/> and <see cref="Length"/> in some text.</summary>
public readonly record struct TextRange(int Start, int Length)
{
    /// <summary>Offset just past the range.</summary>
    public int End => Start + Length;

    /// <summary>Whether <paramref name="position"/> lies inside the range.</summary>
    public bool Contains(int position) => position >= Start && position < End;

    /// <summary>Whether <paramref name="other"/> lies entirely inside the range.</summary>
    public bool Contains(TextRange other) => other.Start >= Start && other.End <= End;

    /// <summary>Whether the two ranges share at least one character.</summary>
    public bool Overlaps(TextRange other) => Start < other.End && other.Start < End;

    /// <summary>The characters of <paramref name="text"/> in the range.</summary>
    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, Length);
}
