namespace Filing.Api.Infrastructure.Data.Search;

/// <summary>
/// One index term and its number, shared by every instance: <see cref="RegisterSearchTermSet"/> stores a document's
/// terms as these numbers. Rows are only ever added (a number never changes meaning); a term nothing uses any more stays.
/// </summary>
public sealed class RegisterSearchTerm
{
    private RegisterSearchTerm()
    {
        Term = "";
    }

    /// <summary>The term's number.</summary>
    public int Id { get; private set; }

    /// <summary>The term, as <see cref="Filing.Core.Search.SearchAnalyzer.Terms"/> makes it.</summary>
    public string Term { get; private set; }
}

/// <summary>
/// The distinct terms of a published document's search entry (title and body, exactly the words its full-text
/// structures hold), as sorted term numbers (<see cref="RegisterSearchTerm"/>) packed by <see cref="TermIdCodec"/>:
/// ~700 bytes a document. Written with the entry, in the same transaction. Instances read all of them once to hold
/// the register's word index in memory (<see cref="Register.Public.RegisterTermIndex"/>), so that a word every
/// document holds is found without the database returning 100,000 rows.
/// </summary>
public sealed class RegisterSearchTermSet
{
    private RegisterSearchTermSet()
    {
        TermIds = [];
    }

    /// <summary>Creates the term set of <paramref name="documentId"/>.</summary>
    public RegisterSearchTermSet(Guid documentId, byte[] termIds)
    {
        DocumentId = documentId;
        TermIds = termIds;
    }

    /// <summary>The document.</summary>
    public Guid DocumentId { get; private set; }

    /// <summary>The packed term numbers.</summary>
    public byte[] TermIds { get; private set; }

    /// <summary>Replaces the terms.</summary>
    public void Update(byte[] termIds) => TermIds = termIds;
}

/// <summary>Sorted distinct term numbers as unsigned LEB128 deltas (most gaps fit in one byte).</summary>
public static class TermIdCodec
{
    /// <summary>Packs <paramref name="ids"/> (any order, repeats allowed).</summary>
    public static byte[] Encode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var sorted = ids.Distinct().Order().ToArray();
        var bytes = new List<byte>(sorted.Length + 16);
        var previous = 0;
        foreach (var id in sorted)
        {
            if (id <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, "Term numbers are positive.");
            }

            var gap = (uint)(id - previous);
            previous = id;
            while (gap >= 0x80)
            {
                bytes.Add((byte)(gap | 0x80));
                gap >>= 7;
            }

            bytes.Add((byte)gap);
        }

        return [.. bytes];
    }

    /// <summary>The numbers in <paramref name="packed"/>, ascending.</summary>
    public static int[] Decode(ReadOnlySpan<byte> packed)
    {
        var ids = new List<int>(packed.Length);
        var id = 0;
        for (var i = 0; i < packed.Length;)
        {
            id += NextGap(packed, ref i);
            ids.Add(id);
        }

        return [.. ids];
    }

    /// <summary>The gap to the next number, read from <paramref name="packed"/> at <paramref name="i"/> (advanced past it).</summary>
    public static int NextGap(ReadOnlySpan<byte> packed, ref int i)
    {
        uint gap = 0;
        var shift = 0;
        byte b;
        do
        {
            if (i == packed.Length || shift > 28)
            {
                throw new FormatException("A packed term set ends inside a number.");
            }

            b = packed[i++];
            gap |= (uint)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return (int)gap;
    }
}
