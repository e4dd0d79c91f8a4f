namespace Filing.Core.Text;

/// <summary>
/// Decides whether a match in a clause is forbidden or quoted rather than ordered: negation scope
/// (不得/禁止… in front; a prohibition of a restriction anywhere in the clause chain), quotation scope
/// (a quoted mention, a 《title》) and list lead-ins (不得有下列行为：).
/// </summary>
/// <remarks>
/// The scope of a marker is its sub-clause, extended over following sub-clauses that open with a continuation
/// (，或者… ，也不得…) or that follow a colon, and never past a clause terminator (。；！？).
/// </remarks>
public sealed class ScopeAnalyzer(ScopeLexicon lexicon)
{
    /// <summary>The lexicon in use.</summary>
    public ScopeLexicon Lexicon { get; } = lexicon;

    /// <summary>Why a match is not what the clause orders, or <see cref="ScopeGuard.None"/>.</summary>
    public ScopeGuard Check(string text, TextRange clause, IReadOnlyList<TextRange> subClauses, TextRange match)
    {
        var (chainStart, chainEnd) = Chain(text, subClauses, match);

        // A plain prohibition in front of the match: 不得将妊娠测试作为入职体检项目.
        foreach (var marker in Lexicon.Prohibitions)
        {
            var at = IndexOf(text, marker, chainStart, match.Start);
            if (at >= 0 && at + marker.Length <= match.Start)
            {
                return ScopeGuard.Prohibition;
            }
        }

        // A prohibition or counter-verb governing a restrictive term, before or after the match:
        // 不得限定或者变相限定…, 对外地企业参加招标不得设置歧视性条件.
        if (ForbidsRestriction(text, chainStart, chainEnd, match))
        {
            return ScopeGuard.ProhibitedRestriction;
        }

        return ScopeGuard.None;
    }

    /// <summary>Whether the match lies inside a quotation that is a mention: governed by a prohibition or followed by 等表述.</summary>
    public bool IsQuotedMention(string text, IReadOnlyList<TextRange> quotes, TextRange clause, IReadOnlyList<TextRange> subClauses, TextRange match)
    {
        foreach (var q in quotes)
        {
            if (!q.Contains(match))
            {
                continue;
            }

            var after = q.End + 1;
            foreach (var cue in Lexicon.MentionCues)
            {
                if (after + cue.Length <= text.Length && string.CompareOrdinal(text, after, cue, 0, cue.Length) == 0)
                {
                    return true;
                }
            }

            // The quotation as a whole is forbidden: 不得出现“本地企业优先”.
            var quoteRange = new TextRange(q.Start - 1, q.Length + 2);
            if (quoteRange.Start >= clause.Start && Check(text, clause, subClauses, quoteRange) != ScopeGuard.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the match lies inside a 《title》: a name, not a measure.</summary>
    public static bool IsInTitle(IReadOnlyList<TextRange> titles, TextRange match)
    {
        foreach (var t in titles)
        {
            if (t.Contains(match))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="clause"/> introduces a list of forbidden or reviewed things
    /// (不得有下列行为：, 重点审查以下内容：), so that the items after it quote prohibitions.
    /// </summary>
    public bool IsProhibitionListLeadIn(string text, TextRange clause)
    {
        var end = clause.End;
        while (end > clause.Start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end == clause.Start || text[end - 1] is not (':' or '：'))
        {
            return false;
        }

        // The marker must come before the list word: 不得有下列行为：lists forbidden acts, whereas
        // 有下列情形之一的，不得享受奖励：lists conditions, which may themselves be the problem.
        var leadIn = -1;
        foreach (var word in Lexicon.ListLeadIns)
        {
            var at = IndexOf(text, word, clause.Start, end);
            if (at >= 0 && (leadIn < 0 || at < leadIn))
            {
                leadIn = at;
            }
        }

        if (leadIn < 0)
        {
            return false;
        }

        // …and in the same sub-clause: 经审查，有下列情形之一的，不予补贴：is not a list of reviewed problems.
        var from = leadIn;
        while (from > clause.Start && !ClauseSplitter.IsSubClauseSeparator(text[from - 1]))
        {
            from--;
        }

        return ContainsAny(text, Lexicon.Prohibitions, from, leadIn)
            || ContainsAny(text, Lexicon.CounterVerbs, from, leadIn)
            || ContainsAny(text, Lexicon.ListLeadInMarkers, from, leadIn);
    }

    private bool ForbidsRestriction(string text, int chainStart, int chainEnd, TextRange match)
    {
        foreach (var list in (IReadOnlyList<string>[])[Lexicon.Prohibitions, Lexicon.CounterVerbs])
        {
            foreach (var marker in list)
            {
                for (var at = IndexOf(text, marker, chainStart, chainEnd); at >= 0; at = IndexOf(text, marker, at + 1, chainEnd))
                {
                    // A marker inside the match belongs to the rule's own pattern (外地企业不得参加…).
                    if (at >= match.Start && at < match.End)
                    {
                        continue;
                    }

                    var windowStart = at + marker.Length;
                    var windowEnd = Math.Min(chainEnd, windowStart + Lexicon.RestrictiveWindow);
                    var clauseBreak = IndexOfSeparator(text, windowStart, windowEnd);
                    if (clauseBreak >= 0)
                    {
                        windowEnd = clauseBreak;
                    }

                    if (ContainsAny(text, Lexicon.RestrictiveTerms, windowStart, windowEnd))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private (int Start, int End) Chain(string text, IReadOnlyList<TextRange> subClauses, TextRange match)
    {
        var first = -1;
        var last = -1;
        for (var i = 0; i < subClauses.Count; i++)
        {
            if (first < 0 && subClauses[i].End > match.Start)
            {
                first = i;
            }

            if (subClauses[i].Start < match.End)
            {
                last = i;
            }
        }

        if (first < 0 || last < 0)
        {
            return (match.Start, match.End);
        }

        while (first > 0 && Continues(text, subClauses[first - 1], subClauses[first]))
        {
            first--;
        }

        while (last + 1 < subClauses.Count && Continues(text, subClauses[last], subClauses[last + 1]))
        {
            last++;
        }

        return (subClauses[first].Start, subClauses[last].End);
    }

    private bool Continues(string text, TextRange previous, TextRange next)
    {
        if (previous.Length > 0 && text[previous.End - 1] is ':' or '：')
        {
            return true;
        }

        var start = next.Start;
        while (start < next.End && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        foreach (var word in Lexicon.Continuations)
        {
            if (start + word.Length <= next.End && string.CompareOrdinal(text, start, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(string text, IReadOnlyList<string> words, int start, int end)
    {
        foreach (var word in words)
        {
            if (IndexOf(text, word, start, end) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(string text, string word, int start, int end)
    {
        if (end - start < word.Length || start < 0)
        {
            return -1;
        }

        var at = text.AsSpan(start, end - start).IndexOf(word, StringComparison.Ordinal);
        return at < 0 ? -1 : start + at;
    }

    private static int IndexOfSeparator(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (ClauseSplitter.IsSubClauseSeparator(text[i]) || ClauseSplitter.IsClauseTerminator(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Why a match is not what its clause orders.</summary>
public enum ScopeGuard
{
    /// <summary>Nothing guards the match.</summary>
    None,

    /// <summary>A prohibition marker (不得, 禁止…) stands in front of it.</summary>
    Prohibition,

    /// <summary>The clause forbids a restriction (不得限定…, 清理…歧视性规定).</summary>
    ProhibitedRestriction,
}
