using Filing.Core.Text;

namespace Filing.Core.Search;

/// <summary>
/// Marks where a query's words and phrases occur in a title or body and cuts a short snippet around the best spot.
/// Works on <see cref="SearchAnalyzer.Normalize"/>d text, which has the same offsets as the original, so the ranges
/// point into the text as published. Marks are ranges, not markup: clients render them as they like.
/// </summary>
public static class Highlighter
{
    /// <summary>Default snippet length in characters.</summary>
    public const int DefaultSnippetLength = 120;

    /// <summary>Every range of <paramref name="text"/> that a positive part of <paramref name="query"/> occupies, merged, in order.</summary>
    public static IReadOnlyList<TextRange> Find(string text, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        var normalized = SearchAnalyzer.Normalize(text);
        var ranges = new List<TextRange>();
        foreach (var part in query.Positive)
        {
            // The exact text first; a word also shows the words it was reduced to, wherever they are.
            IEnumerable<string> needles = part.IsPhrase ? [part.Text] : [part.Text, .. part.Leaves];
            foreach (var needle in needles.Where(n => n.Length > 0))
            {
                for (var at = normalized.IndexOf(needle, StringComparison.Ordinal); at >= 0;
                     at = normalized.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
                {
                    ranges.Add(new TextRange(at, needle.Length));
                }
            }
        }

        return Merge(ranges);
    }

    /// <summary>
    /// A snippet of at most <paramref name="length"/> characters from the paragraph (line) with the most matches, cut
    /// around the first of them, with the matches inside it; null when nothing matches.
    /// </summary>
    public static Snippet? Snippet(string text, SearchQuery query, int length = DefaultSnippetLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 20);
        var ranges = Find(text, query);
        if (ranges.Count == 0)
        {
            return null;
        }

        // The line with the most distinct matched texts; ties go to the earlier line. The ranges are in order, so each
        // line's ranges follow one another: one walk, each line found once.
        var best = default(TextRange);
        var bestScore = 0;
        var line = LineOf(text, ranges[0].Start);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in ranges)
        {
            if (range.Start > line.End)
            {
                (best, bestScore) = matched.Count > bestScore ? (line, matched.Count) : (best, bestScore);
                line = LineOf(text, range.Start);
                matched.Clear();
            }

            matched.Add(text.Substring(range.Start, range.Length));
        }

        (best, bestScore) = matched.Count > bestScore ? (line, matched.Count) : (best, bestScore);

        var inLine = ranges.Where(r => r.Start >= best.Start && r.End <= best.End).ToList();
        var first = inLine[0];
        var start = best.Start;
        var end = best.End;
        if (end - start > length)
        {
            // Keep a little context before the first match, then fill up to the length.
            start = Math.Max(best.Start, Math.Min(first.Start - (length / 4), best.End - length));
            end = Math.Min(best.End, start + length);
        }

        var leading = start > best.Start;
        var trailing = end < best.End;
        var body = text[start..end].Trim();
        var trimmedFront = text[start..end].Length - text[start..end].TrimStart().Length;
        var offset = (leading ? 1 : 0) - start - trimmedFront;
        var marks = inLine
            .Where(r => r.Start >= start + trimmedFront && r.End <= start + trimmedFront + body.Length)
            .Select(r => new TextRange(r.Start + offset, r.Length))
            .ToList();
        return new Snippet((leading ? "…" : "") + body + (trailing ? "…" : ""), marks);
    }

    private static TextRange LineOf(string text, int position)
    {
        var start = position == 0 ? 0 : text.LastIndexOf('\n', position - 1) + 1;
        var end = text.IndexOf('\n', position);
        return new TextRange(start, (end < 0 ? text.Length : end) - start);
    }

    private static List<TextRange> Merge(List<TextRange> ranges)
    {
        var merged = new List<TextRange>();
        foreach (var range in ranges.OrderBy(r => r.Start).ThenByDescending(r => r.Length))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new TextRange(last.Start, Math.Max(last.End, range.End) - last.Start);
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}

/// <summary>A piece of a text with the ranges a query matched inside it.</summary>
/// <param name="Text">The piece, with “…” where it was cut.</param>
/// <param name="Highlights">Matched ranges in <paramref name="Text"/>.</param>
public sealed record Snippet(string Text, IReadOnlyList<TextRange> Highlights);
