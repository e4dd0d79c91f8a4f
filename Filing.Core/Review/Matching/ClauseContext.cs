using Filing.Core.Text;

namespace Filing.Core.Review.Matching;

/// <summary>
/// One clause of one paragraph while it is being matched: the paragraph's normalised text, the clause range,
/// and lazily its sub-clauses and jieba token boundaries (segmentation happens only when a token-bounded
/// matcher of a candidate rule needs it).
/// </summary>
internal sealed class ClauseContext(ParagraphContext paragraph, TextRange clause)
{
    private IReadOnlyList<TextRange>? _subClauses;
    private HashSet<int>? _boundaries;

    public ParagraphContext Paragraph { get; } = paragraph;

    public string Text => Paragraph.Normalized;

    public TextRange Range { get; } = clause;

    /// <summary>Set when the clause is an item of a list introduced by a prohibition (不得有下列行为：).</summary>
    public bool InProhibitionList { get; set; }

    /// <summary>
    /// The normalised lead-in of the list the clause is an item of (有下列情形之一的，不享受收益分配：), or null.
    /// Items are often conditions whose meaning comes from the lead-in.
    /// </summary>
    public string? ListLeadIn { get; set; }

    public IReadOnlyList<TextRange> SubClauses =>
        _subClauses ??= ClauseSplitter.SplitSubClauses(Text, Range, Paragraph.Quotes);

    /// <summary>Whether <paramref name="position"/> (paragraph offset) is a jieba word boundary in this clause.</summary>
    public bool IsTokenBoundary(int position)
    {
        if (position == Range.Start || position == Range.End)
        {
            return true;
        }

        if (_boundaries is null)
        {
            var clauseText = Text.Substring(Range.Start, Range.Length);
            var tokens = Paragraph.Tokenizer.Tokenize(clauseText);
            Paragraph.Stats.SegmentedCharacters += clauseText.Length;
            _boundaries = new HashSet<int>(tokens.Count + 1);
            foreach (var t in tokens)
            {
                _boundaries.Add(Range.Start + t.Start);
            }

            _boundaries.Add(Range.End);
        }

        return _boundaries.Contains(position);
    }

    /// <summary>Index of <paramref name="word"/> in the clause at or after <paramref name="from"/>, or -1.</summary>
    public int IndexOf(string word, int from)
    {
        if (from < Range.Start)
        {
            from = Range.Start;
        }

        if (Range.End - from < word.Length)
        {
            return -1;
        }

        var at = Text.AsSpan(from, Range.End - from).IndexOf(word, StringComparison.Ordinal);
        return at < 0 ? -1 : from + at;
    }

    public bool Contains(string word) => IndexOf(word, Range.Start) >= 0;
}
