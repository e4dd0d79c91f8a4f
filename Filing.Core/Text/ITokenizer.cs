namespace Filing.Core.Text;

/// <summary>Splits Chinese text into words (分词) whose offsets point back into the input.</summary>
public interface ITokenizer
{
    /// <summary>Segments <paramref name="text"/>; tokens are in order, contiguous and cover the whole input.</summary>
    IReadOnlyList<Token> Tokenize(string text);

    /// <summary>
    /// Segments for a search index (搜索引擎模式): every word of <see cref="Tokenize"/> plus the dictionary words inside
    /// the longer ones (招商引资 also gives 招商 and 引资), so that a shorter query word finds the longer one.
    /// Tokens overlap and are not contiguous. Tokenizers without a dictionary return <see cref="Tokenize"/>.
    /// </summary>
    IReadOnlyList<Token> TokenizeForSearch(string text) => Tokenize(text);
}
