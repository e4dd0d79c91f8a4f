using System.Numerics;
using Filing.Api.Infrastructure.Data.Search;
using Filing.Core.Search;

namespace Filing.Api.Register.Public;

/// <summary>
/// What a full-text query matches among the held documents, found in memory (the word index and the ranking texts)
/// with the meaning <see cref="SearchSql.Matches"/> gives it in SQL.
/// </summary>
/// <param name="Sure">Positions that match.</param>
/// <param name="Unknown">
/// Positions that may match and only the database can tell: a phrase's exact text in a body (the body is not held), or a
/// document whose term set is not made yet.
/// </param>
/// <param name="UnknownCount">How many positions <paramref name="Unknown"/> holds.</param>
public sealed record HeldMatches(ulong[] Sure, ulong[] Unknown, int UnknownCount);

public sealed partial class RegisterSnapshot
{
    /// <summary>
    /// The query's matches among the held documents, from memory: the word test from the word index (title-only words
    /// from the held title terms), a phrase's exact text from the held normalised titles and bodies. A phrase is known to
    /// be in a document that holds it as one term (a term is a piece of the normalised text); otherwise, without the body
    /// held, its body test is the database's, and the document is <see cref="HeldMatches.Unknown"/>. Evaluated in three-valued logic (surely,
    /// perhaps), so that an exclusion of something unknown stays unknown rather than guessed.
    /// </summary>
    public HeldMatches MatchHeld(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var e = new Evaluator(this, query.TitleOnly);
        var match = e.All(query.Required.Select(g => e.Any(g.Alternatives.Select(e.Words))));
        foreach (var word in query.Excluded.Where(p => !p.IsPhrase))
        {
            match = e.And(match, e.Not(e.Words(word)));
        }

        // A phrase's body test only where the words already may match (the candidates): elsewhere its answer cannot matter.
        foreach (var group in query.Required.Where(g => g.Alternatives.Any(a => a.IsPhrase)))
        {
            var candidates = match.Perhaps;
            match = e.And(match, e.Any(group.Alternatives.Select(a => a.IsPhrase ? e.Phrase(a.Text, candidates) : e.Words(a))));
        }

        foreach (var phrase in query.Excluded.Where(p => p.IsPhrase))
        {
            match = e.And(match, e.Not(e.Phrase(phrase.Text, match.Perhaps)));
        }

        var unknown = new ulong[match.Sure.Length];
        var count = 0;
        for (var w = 0; w < unknown.Length; w++)
        {
            unknown[w] = match.Perhaps[w] & ~match.Sure[w];
            count += BitOperations.PopCount(unknown[w]);
        }

        return new HeldMatches(match.Sure, unknown, count);
    }

    /// <summary>
    /// Positions behind id lists this snapshot made (<see cref="DocumentsAt"/>), so that <see cref="Rank"/> marks them
    /// without looking up each id (100,000 look-ups cost ~10 ms).
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Guid[], ulong[]> _madeFrom = new();

    /// <summary>Sets in <paramref name="positions"/> the positions of those of <paramref name="ids"/> held.</summary>
    public void SetPositions(IEnumerable<Guid> ids, ulong[] positions)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(positions);
        foreach (var id in ids)
        {
            if (_positions.TryGetValue(id, out var position))
            {
                positions[position >> 6] |= 1UL << position;
            }
        }
    }

    /// <summary>The held documents at the positions set in <paramref name="positions"/>, in publication order.</summary>
    public Guid[] DocumentsAt(ulong[] positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var count = 0;
        foreach (var word in positions)
        {
            count += BitOperations.PopCount(word);
        }

        var ids = new Guid[count];
        var next = 0;
        for (var w = 0; w < positions.Length; w++)
        {
            var word = positions[w];
            while (word != 0)
            {
                ids[next++] = _byPublished[(w << 6) + BitOperations.TrailingZeroCount(word)].Id;
                word &= word - 1;
            }
        }

        _madeFrom.AddOrUpdate(ids, positions);
        return ids;
    }

    /// <summary>A test's outcome per position: surely true, or perhaps (a superset).</summary>
    private readonly record struct Truth(ulong[] Sure, ulong[] Perhaps);

    private sealed class Evaluator(RegisterSnapshot snapshot, bool titleOnly)
    {
        private readonly int _words = snapshot._entries.Length;

        /// <summary>Documents with a search entry: what a full-text structure can match at all.</summary>
        private ulong[] Universe => snapshot._entries;

        public Truth Words(SearchPart part) => All(part.Leaves.Select(Leaf));

        public Truth All(IEnumerable<Truth> parts)
        {
            Truth? result = null;
            foreach (var part in parts)
            {
                result = result is { } r ? And(r, part) : part;
            }

            return result ?? new Truth(Copy(Universe), Copy(Universe));
        }

        public Truth Any(IEnumerable<Truth> parts)
        {
            var sure = new ulong[_words];
            var perhaps = new ulong[_words];
            foreach (var part in parts)
            {
                for (var w = 0; w < _words; w++)
                {
                    sure[w] |= part.Sure[w];
                    perhaps[w] |= part.Perhaps[w];
                }
            }

            return new Truth(sure, perhaps);
        }

        public Truth And(Truth a, Truth b)
        {
            var sure = new ulong[_words];
            var perhaps = new ulong[_words];
            for (var w = 0; w < _words; w++)
            {
                sure[w] = a.Sure[w] & b.Sure[w];
                perhaps[w] = a.Perhaps[w] & b.Perhaps[w];
            }

            return new Truth(sure, perhaps);
        }

        public Truth Not(Truth a)
        {
            var sure = new ulong[_words];
            var perhaps = new ulong[_words];
            for (var w = 0; w < _words; w++)
            {
                sure[w] = Universe[w] & ~a.Perhaps[w];
                perhaps[w] = Universe[w] & ~a.Sure[w];
            }

            return new Truth(sure, perhaps);
        }

        /// <summary>A leaf term: in the title terms (title only), else in the term set; a document without a term set, perhaps.</summary>
        private Truth Leaf(string term)
        {
            if (titleOnly)
            {
                var spaced = " " + term + " ";
                var inTitle = TitleWhere((in RankText t) => t.SpacedTitleTerms.Contains(spaced, StringComparison.Ordinal));
                return new Truth(inTitle, inTitle);
            }

            var sure = Holding(term);
            var perhaps = new ulong[_words];
            for (var w = 0; w < _words; w++)
            {
                perhaps[w] = sure[w] | (Universe[w] & ~snapshot._indexed[w]);
            }

            return new Truth(sure, perhaps);
        }

        /// <summary>
        /// A phrase's exact text in the title, or in the body: surely when the document holds the text as one term; else,
        /// among <paramref name="candidates"/>, as its held body and title say; else perhaps (the database tests the
        /// body). Outside the candidates the answer is left open: it is only ever taken together with them.
        /// </summary>
        public Truth Phrase(string text, ulong[] candidates)
        {
            if (titleOnly)
            {
                var inTitle = TitleWhere((in RankText t) => t.TitleSearch.Contains(text, StringComparison.Ordinal));
                return new Truth(inTitle, inTitle);
            }

            var sure = Holding(text);
            var open = new ulong[_words];
            for (var w = 0; w < _words; w++)
            {
                open[w] = candidates[w] & ~sure[w];
            }

            var found = new ulong[_words];
            var refuted = new ulong[_words];
            snapshot._bodies.Find(text, open, snapshot._bodySlotPositions, found, refuted);

            // The title only where the body does not tell: not held, or without the phrase.
            var texts = snapshot._texts;
            var perhaps = Copy(Universe);
            for (var w = 0; w < _words; w++)
            {
                sure[w] |= found[w];
                for (var bits = open[w] & ~found[w]; bits != 0; bits &= bits - 1)
                {
                    var position = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    if (texts[position].Held && texts[position].TitleSearch.Contains(text, StringComparison.Ordinal))
                    {
                        sure[w] |= 1UL << position;
                    }
                    else if ((refuted[w] & (1UL << position)) != 0)
                    {
                        perhaps[w] &= ~(1UL << position);
                    }
                }
            }

            return new Truth(sure, perhaps);
        }

        private ulong[] Holding(string term)
        {
            var bits = new ulong[_words];
            if (snapshot._terms.TryGetId(term, out var id))
            {
                snapshot._terms.Mark(id, snapshot._slotPositions, bits);
            }

            return bits;
        }

        private ulong[] TitleWhere(TextTest test)
        {
            var bits = new ulong[_words];
            var texts = snapshot._texts;
            for (var i = 0; i < texts.Length; i++)
            {
                if (texts[i].Held && test(in texts[i]))
                {
                    bits[i >> 6] |= 1UL << i;
                }
            }

            return bits;
        }

        private static ulong[] Copy(ulong[] bits) => (ulong[])bits.Clone();

        private delegate bool TextTest(in RankText text);
    }
}
