using Filing.Api.Infrastructure.Data.Search;
using Filing.Api.Register.Public;

namespace Filing.Tests.Api.Register;

/// <summary>The packed term sets and the in-memory word index built from them.</summary>
public sealed class RegisterTermIndexTests
{
    [Fact]
    public void DecodesSortedDistinctNumbers_GivenAnyOrderWithRepeats()
    {
        int[] ids = [300, 1, 70_000, 1, 128, 127, 2_000_000];

        var packed = TermIdCodec.Encode(ids);

        TermIdCodec.Decode(packed).Should().Equal(1, 127, 128, 300, 70_000, 2_000_000);
        packed.Length.Should().BeLessThan(ids.Length * 4, "gaps are packed in 1–3 bytes");
    }

    [Fact]
    public void RefusesPackedSet_GivenTruncatedNumber()
    {
        var packed = TermIdCodec.Encode([70_000]);

        var decode = () => TermIdCodec.Decode(packed.AsSpan(0, packed.Length - 1));

        decode.Should().Throw<FormatException>();
    }

    [Fact]
    public void MarksDocumentsOfTerm_GivenSparseAndDenseTermsAndAnUpdate()
    {
        // 200 slots: term 1 in every slot (a bit set), term 2 in three (a list), term 3 in none until the update.
        var sets = Enumerable.Range(0, 200).Select(slot => TermIdCodec.Encode(slot % 97 == 0 ? [1, 2] : [1])).ToArray<byte[]?>();
        sets[5] = null; // no term set yet
        var index = RegisterTermIndex.Build(sets, [(1, "茶叶"), (2, "竹笋")]);
        var identity = Enumerable.Range(0, 200).ToArray();

        Marked(index, "茶叶", identity, 200).Should().HaveCount(199).And.NotContain(5);
        Marked(index, "竹笋", identity, 200).Should().Equal(0, 97, 194);
        index.TryGetId("白茶", out _).Should().BeFalse();

        // Slot 0's document is re-read with other terms: it takes slot 200, and slot 0 maps nowhere.
        var updated = index.With([TermIdCodec.Encode([2, 3])], [(3, "白茶")]);
        var positions = identity.Append(0).ToArray();
        positions[0] = -1;

        updated.Slots.Should().Be(201);
        Marked(updated, "竹笋", positions, 200).Should().Equal(0, 97, 194);
        Marked(updated, "白茶", positions, 200).Should().Equal(0);
        Marked(updated, "茶叶", positions, 200).Should().HaveCount(198).And.NotContain([0, 5]);
        Marked(index, "竹笋", identity, 200).Should().Equal([0, 97, 194], "an update leaves the older index as it was");

        // A list that grows past one slot in 32 becomes a bit set with the same members.
        var grown = updated.With(Enumerable.Range(0, 10).Select(_ => TermIdCodec.Encode([2])).ToArray(), []);
        Marked(grown, "竹笋", [.. positions, .. Enumerable.Range(201, 10)], 211).Should().Equal([0, 97, 194, .. Enumerable.Range(201, 10)]);
    }

    private static List<int> Marked(RegisterTermIndex index, string term, int[] slotPositions, int positions)
    {
        var bits = new ulong[RegisterTermIndex.Words(positions + 1)];
        if (index.TryGetId(term, out var id))
        {
            index.Mark(id, slotPositions, bits);
        }

        return Enumerable.Range(0, bits.Length * 64).Where(p => (bits[p >> 6] & (1UL << p)) != 0).ToList();
    }
}
