namespace Filing.Core.Text;

/// <summary>
/// Splits normalised Chinese text into clauses (句/分句 ending in 。；！？ or a line break) and clauses into
/// sub-clauses (separated by ，and ：). Terminators inside a balanced quotation do not split, and closing quotes
/// or brackets right after a terminator stay with the clause they close. Offsets always point into the input.
/// </summary>
public static class ClauseSplitter
{
    /// <summary>Clauses longer than this are cut (at a comma when possible) so that matching stays linear.</summary>
    public const int DefaultMaxClauseLength = 500;

    /// <summary>
    /// Clause ranges in order; they cover every non-blank character of <paramref name="text"/>. A clause longer than
    /// <paramref name="maxLength"/> (a list pasted without full stops, a table flattened into one line) is cut after
    /// the last ，or ：before the limit, or at the limit.
    /// </summary>
    public static IReadOnlyList<TextRange> SplitClauses(string text, IReadOnlyList<TextRange>? quotes = null, int maxLength = DefaultMaxClauseLength)
    {
        var clauses = Split(text, quotes);
        if (clauses.All(c => c.Length <= maxLength))
        {
            return clauses;
        }

        var result = new List<TextRange>(clauses.Count + 4);
        foreach (var clause in clauses)
        {
            var start = clause.Start;
            while (clause.End - start > maxLength)
            {
                var cut = start + maxLength;
                for (var i = start + maxLength - 1; i > start + (maxLength / 2); i--)
                {
                    if (IsSubClauseSeparator(text[i]))
                    {
                        cut = i + 1;
                        break;
                    }
                }

                result.Add(new TextRange(start, cut - start));
                start = cut;
            }

            result.Add(new TextRange(start, clause.End - start));
        }

        return result;
    }

    private static List<TextRange> Split(string text, IReadOnlyList<TextRange>? quotes)
    {
        ArgumentNullException.ThrowIfNull(text);
        quotes ??= QuotationScanner.FindQuotes(text);
        var result = new List<TextRange>();
        var start = 0;
        var q = 0;
        for (var i = 0; i < text.Length; i++)
        {
            while (q < quotes.Count && quotes[q].End < i)
            {
                q++;
            }

            // A terminator inside a quotation splits only when it closes the quotation: 他说：“好。”然后.
            if (!IsClauseTerminator(text[i]) || (InsideAny(quotes, q, i) && !EndsQuote(quotes, q, i)))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && IsTrailingCloser(text[end]))
            {
                end++;
            }

            Add(result, text, start, end);
            start = end;
            i = end - 1;
        }

        Add(result, text, start, text.Length);
        return result;
    }

    /// <summary>Sub-clause ranges of <paramref name="clause"/>, split after ，, ：and : outside quotations.</summary>
    public static IReadOnlyList<TextRange> SplitSubClauses(string text, TextRange clause, IReadOnlyList<TextRange>? quotes = null)
    {
        quotes ??= [];
        var result = new List<TextRange>(4);
        var start = clause.Start;
        for (var i = clause.Start; i < clause.End; i++)
        {
            if (IsSubClauseSeparator(text[i]) && !InsideAny(quotes, 0, i))
            {
                result.Add(new TextRange(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < clause.End)
        {
            result.Add(new TextRange(start, clause.End - start));
        }

        return result;
    }

    /// <summary>。；！？ (full- or half-width after normalisation) and line breaks.</summary>
    public static bool IsClauseTerminator(char c) => c is '。' or ';' or '；' or '!' or '！' or '?' or '？' or '\n' or '\r';

    /// <summary>，and ：(full- or half-width).</summary>
    public static bool IsSubClauseSeparator(char c) => c is ',' or '，' or ':' or '：';

    private static bool IsTrailingCloser(char c) => c is '”' or '’' or '」' or '』' or ')' or '）' or '》' or '"';

    private static bool EndsQuote(IReadOnlyList<TextRange> quotes, int from, int position)
    {
        for (var k = from; k < quotes.Count; k++)
        {
            if (quotes[k].Contains(position) && quotes[k].End != position + 1)
            {
                return false;
            }
        }

        return true;
    }

    private static bool InsideAny(IReadOnlyList<TextRange> quotes, int from, int position)
    {
        for (var k = from; k < quotes.Count; k++)
        {
            if (quotes[k].Start > position)
            {
                // Quotes are ordered by their closing mark, so a later one may still start earlier (nesting).
                continue;
            }

            if (quotes[k].Contains(position))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(List<TextRange> result, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (start < end)
        {
            result.Add(new TextRange(start, end - start));
        }
    }
}
