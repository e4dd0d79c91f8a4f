namespace Filing.Core.Text;

/// <summary>A word from a <see cref="ITokenizer"/>, with its position in the segmented text.</summary>
/// <param name="Word">The word as it appears in the text.</param>
/// <param name="Start">Offset of the first character in the segmented text.</param>
public readonly record struct Token(string Word, int Start)
{
    /// <summary>Number of characters.</summary>
    public int Length => Word.Length;

    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Word.Length;
}
