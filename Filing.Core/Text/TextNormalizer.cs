namespace Filing.Core.Text;

/// <summary>
/// Folds full-width ASCII (Ｕ+FF01–Ｕ+FF5E: ＡＢＣ１２３，；（）) to half-width and the ideographic space to a space,
/// one character for one character, so that every offset into the normalised text is also an offset into the
/// original. Chinese punctuation outside that block (。、“”《》〔〕) is kept as is.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Returns the normalised text, which always has the same length as <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfFoldable(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (source, start) = state;
            source.AsSpan(0, start).CopyTo(span);
            for (var i = start; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    /// <summary>The half-width counterpart of a full-width ASCII character or ideographic space, else the character.</summary>
    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => c,
    };

    /// <summary>Whether <paramref name="c"/> is changed by <see cref="Normalize"/>.</summary>
    public static bool IsFoldable(char c) => c is (>= '\uFF01' and <= '\uFF5E') or '\u3000';

    private static int IndexOfFoldable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsFoldable(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
