using System.Text.RegularExpressions;
using Filing.Core.Text;

namespace Filing.Core.Review.Matching;

/// <summary>One way a rule can match inside a clause. Every match contains at least one of <see cref="Anchors"/>.</summary>
internal abstract class Matcher
{
    /// <summary>Literals for the prefilter: a clause without any of them cannot match.</summary>
    public abstract IReadOnlyList<string> Anchors { get; }

    /// <summary>Candidate matches in the clause, left to right, as paragraph ranges.</summary>
    public abstract IEnumerable<TextRange> Find(ClauseContext clause);
}

/// <summary>Any of a list of literal terms, optionally only on jieba word boundaries.</summary>
internal sealed class TermsMatcher(IReadOnlyList<string> terms, bool tokenBoundary) : Matcher
{
    public override IReadOnlyList<string> Anchors => terms;

    public override IEnumerable<TextRange> Find(ClauseContext clause)
    {
        var hits = new List<TextRange>();
        foreach (var term in terms)
        {
            for (var at = clause.IndexOf(term, clause.Range.Start); at >= 0; at = clause.IndexOf(term, at + 1))
            {
                if (!tokenBoundary || (clause.IsTokenBoundary(at) && clause.IsTokenBoundary(at + term.Length)))
                {
                    hits.Add(new TextRange(at, term.Length));
                }
            }
        }

        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return hits;
    }
}

/// <summary>
/// One term from each group within <c>within</c> characters of the same clause (in group order unless
/// <c>ordered: false</c>); the first group is the prefilter anchor.
/// </summary>
internal sealed class NearMatcher(IReadOnlyList<IReadOnlyList<string>> groups, int within, bool ordered, bool tokenBoundary) : Matcher
{
    public override IReadOnlyList<string> Anchors => groups[0];

    public override IEnumerable<TextRange> Find(ClauseContext clause)
    {
        var occurrences = groups.Select(g => Occurrences(clause, g)).ToList();
        if (occurrences.Any(o => o.Count == 0))
        {
            return [];
        }

        var hits = new List<TextRange>();
        foreach (var pivot in occurrences[0])
        {
            var span = ordered ? Ordered(pivot, occurrences) : Unordered(pivot, occurrences);
            if (span is { } s && s.Length <= within)
            {
                hits.Add(s);
            }
        }

        return hits;
    }

    private static TextRange? Ordered(TextRange pivot, List<List<TextRange>> occurrences)
    {
        var end = pivot.End;
        for (var g = 1; g < occurrences.Count; g++)
        {
            var next = occurrences[g].FirstOrDefault(o => o.Start >= end);
            if (next.Length == 0)
            {
                return null;
            }

            end = next.End;
        }

        return new TextRange(pivot.Start, end - pivot.Start);
    }

    private static TextRange? Unordered(TextRange pivot, List<List<TextRange>> occurrences)
    {
        var start = pivot.Start;
        var end = pivot.End;
        for (var g = 1; g < occurrences.Count; g++)
        {
            // The occurrence closest to the pivot, not overlapping it.
            TextRange? best = null;
            var bestDistance = int.MaxValue;
            foreach (var o in occurrences[g])
            {
                if (o.Overlaps(pivot))
                {
                    continue;
                }

                var distance = o.Start >= pivot.End ? o.End - pivot.Start : pivot.End - o.Start;
                if (distance < bestDistance)
                {
                    best = o;
                    bestDistance = distance;
                }
            }

            if (best is not { } b)
            {
                return null;
            }

            start = Math.Min(start, b.Start);
            end = Math.Max(end, b.End);
        }

        return new TextRange(start, end - start);
    }

    private List<TextRange> Occurrences(ClauseContext clause, IReadOnlyList<string> group)
    {
        var result = new List<TextRange>();
        foreach (var term in group)
        {
            for (var at = clause.IndexOf(term, clause.Range.Start); at >= 0; at = clause.IndexOf(term, at + 1))
            {
                if (!tokenBoundary || (clause.IsTokenBoundary(at) && clause.IsTokenBoundary(at + term.Length)))
                {
                    result.Add(new TextRange(at, term.Length));
                }
            }
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }
}

/// <summary>A regular expression over the normalised clause (full-width ASCII already folded to half-width).</summary>
internal sealed class RegexMatcher(Regex regex, IReadOnlyList<string> anchors) : Matcher
{
    public Regex Regex { get; } = regex;

    public override IReadOnlyList<string> Anchors => anchors;

    public override IEnumerable<TextRange> Find(ClauseContext clause)
    {
        var hits = new List<TextRange>();
        for (var m = Regex.Match(clause.Text, clause.Range.Start, clause.Range.Length); m.Success; m = m.NextMatch())
        {
            if (m.Length > 0)
            {
                hits.Add(new TextRange(m.Index, m.Length));
            }
        }

        return hits;
    }
}
