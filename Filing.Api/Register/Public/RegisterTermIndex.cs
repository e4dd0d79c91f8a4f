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
/// re-read documents hold. With 100,000 generated documents: ~70 million postings in ~40 MB.
/// </summary>
internal sealed class RegisterTermIndex
{
    private readonly ConcurrentDictionary<string, int> _ids;
    private readonly object?[] _postings;

    private RegisterTermIndex(ConcurrentDictionary<string, int> ids, object?[] postings, int slots, int knownTermsUpTo)
    {
        _ids = ids;
        _postings = postings;
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

        // Two passes: count each term's documents, then fill arrays of exactly that size.
        var counts = new int[Math.Max(known, 0) + 1];
        foreach (var set in sets)
        {
            if (set is not null)
            {
                TermIdCodec.Decode(set, ref counts, static (ref int[] c, int id) =>
                {
                    if (id >= c.Length)
                    {
                        Array.Resize(ref c, Math.Max(id + 1, c.Length * 2));
                    }

                    c[id]++;
                });
            }
        }

        var slots = sets.Count;
        var postings = new object?[counts.Length];
        for (var id = 0; id < counts.Length; id++)
        {
            postings[id] = counts[id] == 0 ? null : Dense(counts[id], slots) ? new ulong[Words(slots)] : new int[counts[id]];
        }

        var fill = (Postings: postings, Next: new int[counts.Length], Slot: 0);
        for (var slot = 0; slot < slots; slot++)
        {
            if (sets[slot] is { } set)
            {
                fill.Slot = slot;
                TermIdCodec.Decode(set, ref fill, static (ref (object?[] Postings, int[] Next, int Slot) f, int id) =>
                {
                    if (f.Postings[id] is ulong[] bits)
                    {
                        bits[f.Slot >> 6] |= 1UL << f.Slot;
                    }
                    else
                    {
                        ((int[])f.Postings[id]!)[f.Next[id]++] = f.Slot;
                    }
                });
            }
        }

        return new RegisterTermIndex(ids, postings, slots, known);
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
        for (var i = 0; i < added.Count; i++)
        {
            var state = (Adds: adds, Slot: Slots + i);
            TermIdCodec.Decode(added[i], ref state, static (ref (Dictionary<int, List<int>> Adds, int Slot) s, int id) =>
            {
                if (!s.Adds.TryGetValue(id, out var list))
                {
                    s.Adds[id] = list = [];
                }

                list.Add(s.Slot);
            });
        }

        var length = Math.Max(_postings.Length, Math.Max(known, adds.Count == 0 ? 0 : adds.Keys.Max()) + 1);
        var postings = new object?[length];
        Array.Copy(_postings, postings, _postings.Length);
        foreach (var (id, newSlots) in adds)
        {
            postings[id] = postings[id] switch
            {
                ulong[] bits => WithBits(bits, newSlots, slots),
                int[] list when Dense(list.Length + newSlots.Count, slots) => WithBits(ToBits(list, slots), newSlots, slots),
                int[] list => (object)list.Concat(newSlots).ToArray(),
                _ => newSlots.ToArray(),
            };
        }

        return new RegisterTermIndex(_ids, postings, slots, known);
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
        switch (id >= 0 && id < _postings.Length ? _postings[id] : null)
        {
            case ulong[] bits:
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

                break;
            case int[] list:
                foreach (var slot in list)
                {
                    Set(slotPositions, slot, into);
                }

                break;
        }

        static void Set(int[] slotPositions, int slot, ulong[] into)
        {
            if (slot < slotPositions.Length && slotPositions[slot] is var position and >= 0)
            {
                into[position >> 6] |= 1UL << position;
            }
        }
    }

    /// <summary>Postings held (diagnostics: one per document and distinct term).</summary>
    public long PostingCount()
    {
        long count = 0;
        foreach (var p in _postings)
        {
            count += p switch
            {
                ulong[] bits => bits.Sum(w => (long)BitOperations.PopCount(w)),
                int[] list => list.Length,
                _ => 0,
            };
        }

        return count;
    }

    /// <summary>Bytes the postings take (diagnostics).</summary>
    public long PostingBytes() => _postings.Sum(p => p switch { ulong[] bits => bits.Length * 8L, int[] list => list.Length * 4L, _ => 0L });

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
