using Filing.Api.Register.Public;

namespace Filing.Tests.Api.Register;

/// <summary>The held bodies' block summaries never change what a phrase test answers: it is ordinal <c>Contains</c>.</summary>
public sealed class HeldBodiesTests
{
    private const string Alphabet = "依法给予处分行政许可政府";

    [Fact]
    public void AnswersAsOrdinalContains_GivenPhrasesAcrossBlockAndChunkBoundaries()
    {
        // A few characters, so that pairs repeat and the rows fill up; phrases cut from the texts at every offset (across
        // block boundaries), altered copies, phrases longer than a block, and chunks of 64 blocks, so bodies cross them.
        var random = new Random(20_181_011);
        var texts = Enumerable.Range(0, 60).Select(i => i % 7 == 3 ? null : RandomText(random, random.Next(0, 1_500))).ToArray();
        var bodies = HeldBodies.Build(texts, blocksPerChunk: 64);
        bodies.BlockCount.Should().BeGreaterThan(2 * 64, "the bodies should span several chunks");
        for (var probe = 0; probe < 400; probe++)
        {
            var phrase = Phrase(random, texts, probe);
            AssertAnswers(bodies, texts, phrase);
        }
    }

    [Fact]
    public void FindsPhrase_GivenItStartsAtEveryOffsetAroundBlockEnd()
    {
        const string phrase = "依法给予处分";
        for (var offset = HeldBodies.Block - phrase.Length - 1; offset <= HeldBodies.Block + 1; offset++)
        {
            var text = new string('甲', offset) + phrase + new string('乙', HeldBodies.Block);
            var bodies = HeldBodies.Build([text]);

            Find(bodies, 1, phrase).Found.Should().Equal([0], $"the phrase starts at offset {offset}");
            Find(bodies, 1, "依法给予警告").Refuted.Should().Equal([0], $"offset {offset}");
            Find(bodies, 1, "给予处分乙").Found.Should().Equal([0], $"offset {offset}");
        }
    }

    [Fact]
    public void LeavesPositionsOpen_GivenBodyNotHeldOrPositionNotAsked()
    {
        var bodies = HeldBodies.Build(["依法给予处分", null, "行政许可"]);
        var open = new ulong[1];
        open[0] = 0b011; // positions 0 and 1 asked; 1 has no body; 2 not asked
        var (found, refuted) = (new ulong[1], new ulong[1]);

        bodies.Find("给予处分", open, [0, 1, 2], found, refuted);

        found[0].Should().Be(0b001UL);
        refuted[0].Should().Be(0UL);
    }

    [Fact]
    public void AnswersForOwnBodies_GivenUpdatesFromSameAndOlderSets()
    {
        // Two updates made from the same set (the second cannot write after the first's blocks), and the older set read
        // after both: each answers for its own bodies only.
        var random = new Random(7);
        var texts = Enumerable.Range(0, 40).Select(_ => (string?)RandomText(random, random.Next(100, 900))).ToList();
        var held = HeldBodies.Build(texts, blocksPerChunk: 64);
        var addedA = Enumerable.Range(0, 5).Select(_ => (string?)RandomText(random, random.Next(100, 900))).ToArray();
        var addedB = Enumerable.Range(0, 9).Select(_ => (string?)RandomText(random, random.Next(100, 900))).ToArray();

        var a = held.With(addedA, [3, 17]);
        var b = held.With(addedB, [0]);
        var c = a.With(["依法给予处分行政许可"], [40]);

        var textsA = texts.Concat(addedA).Select((t, slot) => slot is 3 or 17 ? null : t).ToArray();
        var textsB = texts.Concat(addedB).Select((t, slot) => slot == 0 ? null : t).ToArray();
        var textsC = textsA.Append("依法给予处分行政许可").Select((t, slot) => slot == 40 ? null : t).ToArray();
        for (var probe = 0; probe < 150; probe++)
        {
            var phrase = Phrase(random, [.. texts, .. addedA, .. addedB], probe);
            AssertAnswers(held, [.. texts], phrase);
            AssertAnswers(a, textsA, phrase);
            AssertAnswers(b, textsB, phrase);
            AssertAnswers(c, textsC, phrase);
        }
    }

    private static void AssertAnswers(HeldBodies bodies, IReadOnlyList<string?> texts, string phrase)
    {
        var (found, refuted) = Find(bodies, texts.Count, phrase);
        var expectedFound = Enumerable.Range(0, texts.Count).Where(i => texts[i] is { } t && t.Contains(phrase, StringComparison.Ordinal));
        var expectedRefuted = Enumerable.Range(0, texts.Count).Where(i => texts[i] is { } t && !t.Contains(phrase, StringComparison.Ordinal));
        found.Should().Equal(expectedFound, $"phrase '{phrase}' ({phrase.Length} characters)");
        refuted.Should().Equal(expectedRefuted, $"phrase '{phrase}' ({phrase.Length} characters)");
    }

    /// <summary>Every slot asked, slot i at position i.</summary>
    private static (List<int> Found, List<int> Refuted) Find(HeldBodies bodies, int slots, string phrase)
    {
        var words = (slots + 63) / 64;
        var open = new ulong[words];
        for (var i = 0; i < slots; i++)
        {
            open[i >> 6] |= 1UL << i;
        }

        var (found, refuted) = (new ulong[words], new ulong[words]);
        bodies.Find(phrase, open, [.. Enumerable.Range(0, slots)], found, refuted);
        return (Positions(found, slots), Positions(refuted, slots));
    }

    private static List<int> Positions(ulong[] bits, int count) =>
        [.. Enumerable.Range(0, count).Where(i => (bits[i >> 6] & (1UL << i)) != 0)];

    private static string RandomText(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

    /// <summary>A piece of one of the texts (sometimes altered, sometimes longer than a block, sometimes one character).</summary>
    private static string Phrase(Random random, IReadOnlyList<string?> texts, int probe)
    {
        var text = texts.Where(t => t is { Length: > 0 }).ElementAt(random.Next(texts.Count(t => t is { Length: > 0 })))!;
        var start = random.Next(text.Length);
        var length = probe % 10 == 0 ? random.Next(HeldBodies.Block - 5, HeldBodies.Block + 40) : probe % 13 == 0 ? 1 : random.Next(2, 12);
        var phrase = text.Substring(start, Math.Min(length, text.Length - start));
        if (probe % 3 == 0)
        {
            var chars = phrase.ToCharArray();
            chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
            phrase = new string(chars);
        }

        return phrase;
    }
}
