namespace Filing.Core.Text;

/// <summary>Splits Chinese text into words (分词) whose offsets point back into the input.</summary>
public interface ITokenizer
{
    /// <summary>Segments <paramref name="text"/>; tokens are in order, contiguous and cover the whole input.</summary>
    IReadOnlyList<Token> Tokenize(string text);
}
