using System.Collections.Concurrent;
using System.Numerics;
using Filing.Api.Infrastructure.Data.Search;

namespace Filing.Api.Register.Public;

/// <summary>
/// The held documents' terms as an inverted index in memory: for each term number (<see cref="RegisterSearchTerm"/>),
/// the slots of the documents whose <see cref="RegisterSearchTermSet"/> holds it, as ascending slot numbers or, for a
/// term in more than one document in 32, as a bit set (whichever is smaller). A slot is a document's place in the index:
/// stable across register states (the snapshot maps slots to its order), so an update adds slots for the documents it
/// re-read and leaves every other posting as it is. Immutable: an update copies only the postings of the terms the
/// re-read documents hold. With 100,000 generated documents: ~70 million postings; the snapshot grew by 29 MiB.
/// </summary>
internal sealed class RegisterTermIndex
{
    private readonly ConcurrentDictionary<string, int> _ids;
    private readonly ulong[]?[] _bits;
    private readonly int[]?[] _lists;

    private RegisterTermIndex(ConcurrentDictionary<string, int> ids, ulong[]?[] bits, int[]?[] lists, int slots, int knownTermsUpTo)
    {
        _ids = ids;
        _bits = bits;
        _lists = lists;
        Slots = slots;
        KnownTermsUpTo = knownTermsUpTo;
    }

    /// <summary>Slots given out (documents indexed, including those an update replaced).</summary>
    public int Slots { get; }

    /// <summary>The highest term number read from the dictionary: an update reads the rows after it.</summary>
    public int KnownTermsUpTo { get; }

    /// <summary>The index of <paramref name="sets"/> (slot <c>i</c> holds <c>sets[i]</c>; null: no term set).</summary>
    /// <param name="sets">Packed term sets (<see cref="TermIdCodec"/>) by slot.</param>
    /// <param name="terms">The dictionary, read after the sets (so it names every number they use).</param>
    public static RegisterTermIndex Build(IReadOnlyList<byte[]?> sets, IEnumerable<(int Id, string Term)> terms)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var ids = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var known = AddTerms(ids, terms);

        // Two passes over ~70 million numbers (decoded inline: a delegate call per number doubled the build): count each
        // term's documents, then fill arrays of exactly that size.
        var counts = new int[known + 1];
        foreach (var set in sets)
        {
            if (set is null)
            {
                continue;
            }

            var id = 0;
            for (var i = 0; i < set.Length;)
            {
                id += TermIdCodec.NextGap(set, ref i);
                if ((uint)id >= (uint)counts.Length)
                {
                    Array.Resize(ref counts, Math.Max(id + 1, counts.Length * 2));
                }

                counts[id]++;
            }
        }

        var slots = sets.Count;
        var bits = new ulong[]?[counts.Length];
        var lists = new int[]?[counts.Length];
        for (var id = 0; id < counts.Length; id++)
        {
            if (counts[id] > 0 && Dense(counts[id], slots))
            {
                bits[id] = new ulong[Words(slots)];
            }
            else if (counts[id] > 0)
            {
                lists[id] = new int[counts[id]];
            }
        }

        var next = new int[counts.Length];
        for (var slot = 0; slot < slots; slot++)
        {
            if (sets[slot] is not { } set)
            {
                continue;
            }

            var id = 0;
            for (var i = 0; i < set.Length;)
            {
                id += TermIdCodec.NextGap(set, ref i);
                if (bits[id] is { } b)
                {
                    b[slot >> 6] |= 1UL << slot;
                }
                else
                {
                    lists[id]![next[id]++] = slot;
                }
            }
        }

        return new RegisterTermIndex(ids, bits, lists, slots, known);
    }

    /// <summary>
    /// This index with <paramref name="added"/> in new slots <see cref="Slots"/>, <see cref="Slots"/> + 1, …, and the
    /// dictionary rows read since (<paramref name="terms"/>). The slots the added documents held before stay in the
    /// postings; the snapshot maps them nowhere.
    /// </summary>
    public RegisterTermIndex With(IReadOnlyList<byte[]> added, IEnumerable<(int Id, string Term)> terms)
    {
        ArgumentNullException.ThrowIfNull(added);
        var known = Math.Max(KnownTermsUpTo, AddTerms(_ids, terms));
        var slots = Slots + added.Count;
        var adds = new Dictionary<int, List<int>>();
        for (var a = 0; a < added.Count; a++)
        {
            var id = 0;
            for (var i = 0; i < added[a].Length;)
            {
                id += TermIdCodec.NextGap(added[a], ref i);
                if (!adds.TryGetValue(id, out var list))
                {
                    adds[id] = list = [];
                }

                list.Add(Slots + a);
            }
        }

        var length = Math.Max(_bits.Length, Math.Max(known, adds.Count == 0 ? 0 : adds.Keys.Max()) + 1);
        var bits = new ulong[]?[length];
        var lists = new int[]?[length];
        Array.Copy(_bits, bits, _bits.Length);
        Array.Copy(_lists, lists, _lists.Length);
        foreach (var (id, newSlots) in adds)
        {
            if (bits[id] is { } b)
            {
                bits[id] = WithBits(b, newSlots, slots);
            }
            else if (lists[id] is { } l && Dense(l.Length + newSlots.Count, slots))
            {
                (bits[id], lists[id]) = (WithBits(ToBits(l, slots), newSlots, slots), null);
            }
            else
            {
                lists[id] = [.. lists[id] ?? [], .. newSlots];
            }
        }

        return new RegisterTermIndex(_ids, bits, lists, slots, known);
    }

    /// <summary>The number of <paramref name="term"/>, when some document ever held it.</summary>
    public bool TryGetId(string term, out int id) => _ids.TryGetValue(term, out id);

    /// <summary>
    /// Sets, in <paramref name="into"/> (bits over the snapshot's positions), the positions of the documents holding
    /// term number <paramref name="id"/>; <paramref name="slotPositions"/> maps slots to positions (negative: not held).
    /// </summary>
    public void Mark(int id, int[] slotPositions, ulong[] into)
    {
        ArgumentNullException.ThrowIfNull(slotPositions);
        ArgumentNullException.ThrowIfNull(into);
        if (id < 0 || id >= _bits.Length)
        {
            return;
        }

        if (_bits[id] is { } bits)
        {
            for (var w = 0; w < bits.Length; w++)
            {
                var word = bits[w];
                while (word != 0)
                {
                    var slot = (w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    Set(slotPositions, slot, into);
                }
            }
        }
        else if (_lists[id] is { } list)
        {
            foreach (var slot in list)
            {
                Set(slotPositions, slot, into);
            }
        }

        static void Set(int[] slotPositions, int slot, ulong[] into)
        {
            if (slot < slotPositions.Length && slotPositions[slot] is var position and >= 0)
            {
                into[position >> 6] |= 1UL << position;
            }
        }
    }

    internal static int Words(int bits) => (bits + 63) >> 6;

    private static bool Dense(int count, int slots) => count * 32L >= slots && slots >= 64;

    private static int AddTerms(ConcurrentDictionary<string, int> ids, IEnumerable<(int Id, string Term)> terms)
    {
        var highest = 0;
        foreach (var (id, term) in terms)
        {
            ids[term] = id;
            highest = Math.Max(highest, id);
        }

        return highest;
    }

    private static ulong[] ToBits(int[] list, int slots)
    {
        var bits = new ulong[Words(slots)];
        foreach (var slot in list)
        {
            bits[slot >> 6] |= 1UL << slot;
        }

        return bits;
    }

    private static ulong[] WithBits(ulong[] bits, List<int> slots, int slotCount)
    {
        var copy = new ulong[Math.Max(bits.Length, Words(slotCount))];
        Array.Copy(bits, copy, bits.Length);
        foreach (var slot in slots)
        {
            copy[slot >> 6] |= 1UL << slot;
        }

        return copy;
    }
}
