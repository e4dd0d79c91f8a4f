using System.Numerics;

namespace Filing.Api.Register.Public;

/// <summary>
/// The held documents' normalised bodies, for phrase tests in memory, with a bit-sliced summary of every block of
/// <see cref="Block"/> characters: for each of 512 character-pair hashes, one bit per block of every body telling whether
/// a pair with that hash starts in it. An occurrence of a phrase either has all its pairs start in one block, or its first
/// pairs in one block and the rest in the next; ANDing the phrase's few rows (a few MB, read in sequence) names the only
/// blocks (or block ends) worth reading, across all bodies at once. Bodies are numbered by slot (like
/// <see cref="RegisterTermIndex"/>), their blocks laid out in slot order.
/// </summary>
/// <remarks>
/// <para>
/// Why: q="依法给予处分" (78,000 candidate bodies of 100,000, ~700 MB of text) tested body by body, each with a summary
/// of its own, took ~45 ms over two cores (the probe in Filing.Benchmarks/README.md); this way ~18 ms. What is left is
/// mostly one cache miss per body read.
/// </para>
/// <para>
/// Immutable to readers: an update (<see cref="With"/>) appends the re-read bodies' blocks after the held ones. The rows
/// are in chunks of <see cref="DefaultBlocksPerChunk"/> blocks; full chunks are shared, the last one is written in place
/// when this is the newest set made from it (older readers never look past their own block count), else copied first.
/// Extra bits would only cost reading (a block's text is always read before it counts), but a lost bit would miss a
/// phrase, so no two sets ever write one chunk.
/// </para>
/// </remarks>
internal sealed class HeldBodies
{
    /// <summary>Characters a block summarises; a phrase longer than this is tested by reading the whole text.</summary>
    public const int Block = 128;

    /// <summary>Blocks a chunk of rows covers by default (its 512 rows are 8 KB each: 4 MB a chunk).</summary>
    internal const int DefaultBlocksPerChunk = 65_536;

    private const int Rows = 512;

    private readonly Lineage _lineage;
    private readonly ulong[][] _chunks;
    private readonly string?[] _texts;
    private readonly int[] _firstBlocks;
    private readonly int _blocksPerChunk;
    private readonly int _wordsPerRow;

    private HeldBodies(Lineage lineage, ulong[][] chunks, string?[] texts, int[] firstBlocks, int blocks, int blocksPerChunk)
    {
        _blocksPerChunk = blocksPerChunk;
        _wordsPerRow = blocksPerChunk / 64;
        _lineage = lineage;
        _chunks = chunks;
        _texts = texts;
        _firstBlocks = firstBlocks;
        BlockCount = blocks;
    }

    /// <summary>Slots given out (bodies held, or once held).</summary>
    public int Slots => _texts.Length;

    /// <summary>Blocks summarised (including those of bodies dropped since).</summary>
    public int BlockCount { get; }

    /// <summary>The body in <paramref name="slot"/>, when held.</summary>
    public string? TextOf(int slot) => _texts[slot];

    /// <summary>The bodies of <paramref name="texts"/> (slot <c>i</c> holds <c>texts[i]</c>; null: none).</summary>
    /// <param name="texts">The bodies by slot.</param>
    /// <param name="blocksPerChunk">Blocks a chunk of rows covers (a multiple of 64; smaller in tests, to cross chunks).</param>
    public static HeldBodies Build(IReadOnlyList<string?> texts, int blocksPerChunk = DefaultBlocksPerChunk)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (blocksPerChunk <= 0 || blocksPerChunk % 64 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(blocksPerChunk), blocksPerChunk, "A positive multiple of 64.");
        }

        var (firstBlocks, blocks) = Layout(texts, 0, blocksPerChunk);
        var chunks = new ulong[(blocks + blocksPerChunk - 1) / blocksPerChunk][];
        var held = new string?[texts.Count];

        // One chunk a task, so no two threads write a row word; the texts copied in slot order, so that they lie in memory
        // in the order a phrase test reads them.
        Parallel.For(0, chunks.Length, c =>
        {
            var chunk = chunks[c] = new ulong[Rows * (blocksPerChunk / 64)];
            Summarise(texts, firstBlocks, chunk, c * blocksPerChunk, blocksPerChunk);
        });
        Parallel.For(0, (texts.Count + 4095) / 4096, range =>
        {
            for (var slot = range * 4096; slot < Math.Min(texts.Count, (range + 1) * 4096); slot++)
            {
                held[slot] = texts[slot] is { } text ? new string(text.AsSpan()) : null;
            }
        });

        return new HeldBodies(new Lineage(blocks), chunks, held, firstBlocks, blocks, blocksPerChunk);
    }

    /// <summary>
    /// These bodies without those in <paramref name="dropped"/> (their blocks stay, naming a slot no longer held), with
    /// <paramref name="added"/> in new slots <see cref="Slots"/>, <see cref="Slots"/> + 1, ….
    /// </summary>
    public HeldBodies With(IReadOnlyList<string?> added, IEnumerable<int> dropped)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(dropped);
        var texts = new string?[_texts.Length + added.Count];
        Array.Copy(_texts, texts, _texts.Length);
        foreach (var slot in dropped)
        {
            texts[slot] = null;
        }

        var (addedFirst, end) = Layout(added, BlockCount, _blocksPerChunk);
        var firstBlocks = new int[texts.Length + 1];
        Array.Copy(_firstBlocks, firstBlocks, _texts.Length);
        Array.Copy(addedFirst, 0, firstBlocks, _texts.Length, added.Count + 1);
        for (var a = 0; a < added.Count; a++)
        {
            texts[_texts.Length + a] = added[a];
        }

        var chunks = new ulong[(end + _blocksPerChunk - 1) / _blocksPerChunk][];
        Array.Copy(_chunks, chunks, Math.Min(_chunks.Length, chunks.Length));
        Lineage lineage;
        lock (_lineage)
        {
            if (_lineage.Blocks == BlockCount)
            {
                // The newest set of this lineage: write after the held blocks in place.
                lineage = _lineage;
                lineage.Blocks = end;
            }
            else
            {
                // Another update already wrote after these blocks: a lineage of its own, from a copy of the last chunk.
                lineage = new Lineage(end);
                if (BlockCount % _blocksPerChunk != 0)
                {
                    var last = BlockCount / _blocksPerChunk;
                    chunks[last] = Truncated(_chunks[last], BlockCount % _blocksPerChunk, _wordsPerRow);
                }
            }
        }

        for (var c = BlockCount / _blocksPerChunk; c < chunks.Length; c++)
        {
            chunks[c] ??= new ulong[Rows * _wordsPerRow];
            Summarise(added, addedFirst, chunks[c], c * _blocksPerChunk, _blocksPerChunk, BlockCount);
        }

        return new HeldBodies(lineage, chunks, texts, firstBlocks, end, _blocksPerChunk);
    }

    /// <summary>The rows of <paramref name="phrase"/>'s character pairs, in its order; null when it has none or is too long for a block test.</summary>
    public static int[]? PairsOf(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (phrase.Length < 2 || phrase.Length - 1 > Block)
        {
            return null;
        }

        var rows = new int[phrase.Length - 1];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = Pair(phrase[i], phrase[i + 1]);
        }

        return rows;
    }

    /// <summary>
    /// Tests <paramref name="phrase"/> (ordinal substring) in the held bodies of the positions set in
    /// <paramref name="open"/>: sets in <paramref name="found"/> those whose body holds it, in <paramref name="refuted"/>
    /// those whose body does not. Positions without a held body are set in neither.
    /// </summary>
    /// <param name="phrase">The phrase.</param>
    /// <param name="open">Positions to test.</param>
    /// <param name="slotPositions">Each slot's position (negative: not held in this snapshot).</param>
    /// <param name="found">Receives the positions whose body holds the phrase.</param>
    /// <param name="refuted">Receives the positions whose body is held and does not hold it.</param>
    public void Find(string phrase, ulong[] open, int[] slotPositions, ulong[] found, ulong[] refuted)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(slotPositions);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(refuted);
        if (PairsOf(phrase) is not { } pairs)
        {
            Parallel.For(0, (_texts.Length + 4095) / 4096, range =>
            {
                for (var slot = range * 4096; slot < Math.Min(_texts.Length, (range + 1) * 4096); slot++)
                {
                    if (Open(slot, open, slotPositions) is var position and >= 0 && _texts[slot]!.Contains(phrase, StringComparison.Ordinal))
                    {
                        Interlocked.Or(ref found[position >> 6], 1UL << position);
                    }
                }
            });
        }
        else
        {
            Parallel.For(0, _chunks.Length, c => FindInChunk(phrase, pairs, c, open, slotPositions, found));
        }

        // Every open held body not found holds no occurrence: each of its candidate blocks was read.
        for (var slot = 0; slot < _texts.Length; slot++)
        {
            if (Open(slot, open, slotPositions) is var position and >= 0 && (found[position >> 6] & (1UL << position)) == 0)
            {
                refuted[position >> 6] |= 1UL << position;
            }
        }
    }

    /// <summary>The phrase test over the blocks of chunk <paramref name="c"/>, each open body from its first candidate block on.</summary>
    private void FindInChunk(string phrase, int[] pairs, int c, ulong[] open, int[] slotPositions, ulong[] found)
    {
        var first = c * _blocksPerChunk;
        var blocks = Math.Min(_blocksPerChunk, BlockCount - first);
        var words = (blocks + 63) / 64;

        // Each open body's first candidate block; its later blocks are only looked at if that one does not hold it.
        var hits = new List<(int Block, int Slot, int Position, int Kind)>();
        var slot = SlotOf(first);
        var skipBelow = first;
        for (var w = 0; w < words; w++)
        {
            var wordStart = first + (w << 6);
            if (skipBelow >= wordStart + 64)
            {
                continue;
            }

            var (inside, straddling) = CandidatesAt(pairs, c, w);
            var candidates = (inside | straddling) & (skipBelow > wordStart ? ~0UL << (skipBelow - wordStart) : ~0UL);
            if (w == words - 1 && blocks % 64 != 0)
            {
                candidates &= (1UL << (blocks % 64)) - 1;
            }

            while (candidates != 0)
            {
                var block = wordStart + BitOperations.TrailingZeroCount(candidates);
                while (_firstBlocks[slot + 1] <= block)
                {
                    slot++;
                }

                if (Open(slot, open, slotPositions) is var position and >= 0)
                {
                    var bit = block - wordStart;
                    hits.Add((block, slot, position, (int)((inside >> bit) & 1) | (int)(((straddling >> bit) & 1) << 1)));
                }

                skipBelow = _firstBlocks[slot + 1];
                candidates = skipBelow >= wordStart + 64 ? 0 : candidates & (~0UL << (skipBelow - wordStart));
            }
        }

        // The candidate blocks' text, body by body. (Asking the processor for the text of bodies a few ahead, with
        // prefetch instructions or plain reads, measured no faster here.)
        for (var i = 0; i < hits.Count; i++)
        {
            var (block, hitSlot, position, kind) = hits[i];
            if (Holds(phrase, pairs, _texts[hitSlot]!, _firstBlocks[hitSlot], _firstBlocks[hitSlot + 1], block, kind))
            {
                Interlocked.Or(ref found[position >> 6], 1UL << position);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> (blocks <c>[firstBlock, end)</c>) holds <paramref name="phrase"/>, reading from
    /// candidate block <paramref name="block"/> on only the stretches an occurrence could lie in.
    /// </summary>
    /// <remarks><paramref name="kind"/>: what <paramref name="block"/> is a candidate for (1 inside, 2 straddling, 3 both).</remarks>
    private bool Holds(string phrase, int[] pairs, string text, int firstBlock, int end, int block, int kind)
    {
        while (block >= 0 && block < end)
        {
            var (inside, straddling, bit) = ((ulong)kind & 1, (ulong)kind >> 1, 1UL);
            var start = (block - firstBlock) * Block;

            // Within the block: an occurrence whose pairs all start in it (its last character may be the next block's first).
            if ((inside & bit) != 0 && text.AsSpan(start, Math.Min(Block + 1, text.Length - start)).IndexOf(phrase) >= 0)
            {
                return true;
            }

            // Across its end: an occurrence starting in its last phrase.Length - 2 characters.
            if ((straddling & bit) != 0)
            {
                var from = start + Block - (phrase.Length - 2);
                var length = Math.Min(text.Length - from, (2 * phrase.Length) - 3);
                if (length >= phrase.Length && text.AsSpan(from, length).IndexOf(phrase) >= 0)
                {
                    return true;
                }
            }

            (block, kind) = NextCandidate(pairs, block + 1, end);
        }

        return false;
    }

    /// <summary>The first block in <c>[from, end)</c> the phrase of <paramref name="pairs"/> could start in, and its kind; -1 when none.</summary>
    private (int Block, int Kind) NextCandidate(int[] pairs, int from, int end)
    {
        for (var block = from; block < end;)
        {
            var local = block % _blocksPerChunk;
            var wordStart = block - (local & 63);
            var (inside, straddling) = CandidatesAt(pairs, block / _blocksPerChunk, local >> 6);
            var candidates = (inside | straddling) & (~0UL << (local & 63));
            if (candidates != 0)
            {
                var bit = BitOperations.TrailingZeroCount(candidates);
                var next = wordStart + bit;
                return next < end ? (next, (int)((inside >> bit) & 1) | (int)(((straddling >> bit) & 1) << 1)) : (-1, 0);
            }

            block = wordStart + 64;
        }

        return (-1, 0);
    }

    /// <summary>
    /// The blocks of word <paramref name="w"/> of chunk <paramref name="c"/> an occurrence of the phrase of
    /// <paramref name="pairs"/> could start in: <c>Inside</c> when all its pairs start in the block, <c>Straddling</c>
    /// when, for some split, its first pairs start in the block and the rest in the next one.
    /// </summary>
    private (ulong Inside, ulong Straddling) CandidatesAt(int[] pairs, int c, int w)
    {
        var chunk = _chunks[c];
        var next = c + 1 < _chunks.Length ? _chunks[c + 1] : null;
        var m = pairs.Length;

        // suffix[j]: blocks whose next block has pairs j.. (m - 1); prefix: blocks that have pairs 0 .. j - 1.
        Span<ulong> suffix = stackalloc ulong[m + 1];
        suffix[m] = ~0UL;
        for (var j = m - 1; j >= 1; j--)
        {
            var row = pairs[j] * _wordsPerRow;
            var following = w + 1 < _wordsPerRow ? chunk[row + w + 1] : next is null ? 0 : next[row];
            suffix[j] = suffix[j + 1] & ((chunk[row + w] >> 1) | (following << 63));
        }

        var prefix = ~0UL;
        var straddling = 0UL;
        for (var j = 1; j < m && prefix != 0; j++)
        {
            prefix &= chunk[(pairs[j - 1] * _wordsPerRow) + w];
            straddling |= prefix & suffix[j];
        }

        var inside = prefix & chunk[(pairs[m - 1] * _wordsPerRow) + w];
        return (inside, straddling);
    }

    /// <summary>The position of <paramref name="slot"/> when its body is held and the position is open; else -1.</summary>
    private int Open(int slot, ulong[] open, int[] slotPositions) =>
        _texts[slot] is not null && slot < slotPositions.Length && slotPositions[slot] is var position and >= 0 && (open[position >> 6] & (1UL << position)) != 0
            ? position
            : -1;

    /// <summary>The slot whose blocks include <paramref name="block"/> (the last of equal first blocks: empty slots hold none).</summary>
    private int SlotOf(int block) => Owner(_firstBlocks, _texts.Length, block);

    /// <summary>
    /// The last of the first <paramref name="count"/> texts whose first block is at most <paramref name="block"/>
    /// (<paramref name="firstBlocks"/> ascending): the text holding that block, when any does.
    /// </summary>
    private static int Owner(int[] firstBlocks, int count, int block)
    {
        int low = 0, high = count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (firstBlocks[middle] <= block)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>Each text's first block, from <paramref name="start"/> on, and one past the last block (the last entry).</summary>
    private static (int[] FirstBlocks, int End) Layout(IReadOnlyList<string?> texts, int start, int blocksPerChunk)
    {
        var firstBlocks = new int[texts.Count + 1];
        long next = start;
        for (var i = 0; i < texts.Count; i++)
        {
            firstBlocks[i] = (int)next;
            next += ((texts[i]?.Length ?? 0) + Block - 1) / Block;
            if (next > int.MaxValue - blocksPerChunk)
            {
                throw new InvalidOperationException($"The held bodies exceed {int.MaxValue - blocksPerChunk:N0} blocks; lower Register:HeldBodyTextMiB.");
            }
        }

        firstBlocks[texts.Count] = (int)next;
        return (firstBlocks, (int)next);
    }

    /// <summary>Sets the pair bits of the blocks in <c>[chunkStart, chunkStart + length)</c> at or after <paramref name="from"/>.</summary>
    private static void Summarise(IReadOnlyList<string?> texts, int[] firstBlocks, ulong[] chunk, int chunkStart, int length, int from = 0)
    {
        var wordsPerRow = length / 64;
        var lowBlock = Math.Max(chunkStart, from);
        var highBlock = chunkStart + length;

        // Only the texts with blocks in the range: from the one holding its first block, until one starts past it.
        for (var i = texts.Count == 0 ? 0 : Owner(firstBlocks, texts.Count, lowBlock); i < texts.Count && firstBlocks[i] < highBlock; i++)
        {
            if (texts[i] is not { } text || firstBlocks[i + 1] <= lowBlock)
            {
                continue;
            }

            var startBlock = Math.Max(firstBlocks[i], lowBlock);
            var endBlock = Math.Min(firstBlocks[i + 1], highBlock);
            for (var block = startBlock; block < endBlock; block++)
            {
                var local = block - chunkStart;
                var bit = 1UL << local;
                var word = local >> 6;
                var begin = (block - firstBlocks[i]) * Block;
                var end = Math.Min(text.Length - 1, begin + Block);
                for (var c = begin; c < end; c++)
                {
                    chunk[(Pair(text[c], text[c + 1]) * wordsPerRow) + word] |= bit;
                }
            }
        }
    }

    private static ulong[] Truncated(ulong[] chunk, int blocks, int wordsPerRow)
    {
        var copy = (ulong[])chunk.Clone();
        for (var row = 0; row < Rows; row++)
        {
            var start = row * wordsPerRow;
            if (blocks % 64 != 0)
            {
                copy[start + (blocks / 64)] &= (1UL << (blocks % 64)) - 1;
            }

            Array.Clear(copy, start + ((blocks + 63) / 64), wordsPerRow - ((blocks + 63) / 64));
        }

        return copy;
    }

    /// <summary>A character pair's row (0–511).</summary>
    private static int Pair(char a, char b) => (int)(((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u)) >> 23);

    /// <summary>The sets sharing chunks: how many blocks the newest of them wrote.</summary>
    private sealed class Lineage(int blocks)
    {
        public int Blocks { get; set; } = blocks;
    }
}
