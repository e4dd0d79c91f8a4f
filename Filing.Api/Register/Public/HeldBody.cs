namespace Filing.Api.Register.Public;

/// <summary>
/// A published document's normalised body held in memory for phrase tests, with a small summary of each block of
/// <see cref="Block"/> characters: a 256-bit set of the character pairs that start in it. A phrase can only start in
/// a block whose set and the next block's set hold all the phrase's pairs, so only those stretches of the text are read
/// (the summary is 1/8 of the text's size): testing a phrase of common words in 67,000 bodies was bound by reading
/// ~500 MB of text.
/// </summary>
internal sealed class HeldBody
{
    /// <summary>Characters a block summarises; phrases longer than this are tested by reading the whole text.</summary>
    public const int Block = 128;

    private const int WordsPerBlock = 4;

    private readonly ulong[] _blocks;

    private HeldBody(string text, ulong[] blocks)
    {
        Text = text;
        _blocks = blocks;
    }

    /// <summary>The normalised body.</summary>
    public string Text { get; }

    /// <summary>Holds <paramref name="text"/> with its block summaries.</summary>
    public static HeldBody Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new ulong[((text.Length + Block - 1) / Block) * WordsPerBlock];
        for (var i = 0; i + 1 < text.Length; i++)
        {
            var bit = Pair(text[i], text[i + 1]);
            blocks[(i / Block * WordsPerBlock) + (bit >> 6)] |= 1UL << bit;
        }

        return new HeldBody(text, blocks);
    }

    /// <summary>The pairs of <paramref name="phrase"/> as a block summary, for <see cref="Contains"/>; null when it has none or is too long.</summary>
    public static ulong[]? MaskOf(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (phrase.Length < 2 || phrase.Length - 1 > Block)
        {
            return null;
        }

        var mask = new ulong[WordsPerBlock];
        for (var i = 0; i + 1 < phrase.Length; i++)
        {
            var bit = Pair(phrase[i], phrase[i + 1]);
            mask[bit >> 6] |= 1UL << bit;
        }

        return mask;
    }

    /// <summary>Whether the text contains <paramref name="phrase"/> (ordinal), reading only the blocks it could start in.</summary>
    /// <param name="phrase">The phrase.</param>
    /// <param name="mask">Its <see cref="MaskOf"/>.</param>
    public bool Contains(string phrase, ulong[]? mask)
    {
        if (mask is null)
        {
            return Text.Contains(phrase, StringComparison.Ordinal);
        }

        // An occurrence starting in block k has all its pairs (at most Block of them) starting in blocks k and k + 1.
        var count = _blocks.Length / WordsPerBlock;
        for (var k = 0; k < count; k++)
        {
            var b = k * WordsPerBlock;
            var more = k + 1 < count;
            if (!Covers(b, more, mask, 0) || !Covers(b, more, mask, 1) || !Covers(b, more, mask, 2) || !Covers(b, more, mask, 3))
            {
                continue;
            }

            var start = k * Block;
            var length = Math.Min(Text.Length - start, Block + phrase.Length - 1);
            if (Text.AsSpan(start, length).Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool Covers(int b, bool more, ulong[] mask, int word) =>
        (mask[word] & ~(_blocks[b + word] | (more ? _blocks[b + WordsPerBlock + word] : 0))) == 0;

    /// <summary>A character pair's bit (0–255).</summary>
    private static int Pair(char a, char b) => (int)(((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u)) >> 24);
}
