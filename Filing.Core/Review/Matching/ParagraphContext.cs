using Filing.Core.Documents;
using Filing.Core.Review.Quotations;
using Filing.Core.Text;

namespace Filing.Core.Review.Matching;

/// <summary>
/// A paragraph being reviewed: original and normalised text (same length), quotations and titles, and (lazily, only
/// when a rule matched) which quotations are statute text.
/// </summary>
internal sealed class ParagraphContext(
    DocParagraph paragraph,
    ITokenizer tokenizer,
    ReviewStats stats,
    QuotationFinder? quotations = null,
    IReadOnlyCollection<string>? ownTitles = null)
{
    private IReadOnlyList<TextRange>? _quotes;
    private IReadOnlyList<TextRange>? _titles;
    private IReadOnlyList<TextRange>? _clauses;
    private IReadOnlyList<QuotedPassage>? _attributed;
    private Dictionary<int, QuotedPassage?>? _verbatim;

    public DocParagraph Paragraph { get; } = paragraph;

    public string Normalized { get; } = TextNormalizer.Normalize(paragraph.Text);

    public ITokenizer Tokenizer { get; } = tokenizer;

    public ReviewStats Stats { get; } = stats;

    public IReadOnlyList<TextRange> Quotes => _quotes ??= QuotationScanner.FindQuotes(Normalized);

    public IReadOnlyList<TextRange> Titles => _titles ??= QuotationScanner.FindTitles(Normalized);

    public IReadOnlyList<TextRange> Clauses => _clauses ??= ClauseSplitter.SplitClauses(Normalized, Quotes);

    /// <summary>Quotations attributed to a citation 《…》, judged against the statute texts.</summary>
    public IReadOnlyList<QuotedPassage> Attributed =>
        _attributed ??= quotations is null ? [] : quotations.FindAttributed(Normalized, Quotes, Titles, ownTitles ?? []);

    /// <summary>
    /// The attributed quotation whose marks enclose <paramref name="range"/>, else the statute text copied verbatim as the
    /// whole clause holding it, else null.
    /// </summary>
    public QuotedPassage? QuotationCovering(TextRange range)
    {
        if (quotations is null)
        {
            return null;
        }

        foreach (var q in Attributed)
        {
            if (q.Content.Contains(range))
            {
                return q;
            }
        }

        var c = ClauseIndex(range.Start);
        if (c < 0)
        {
            return null;
        }

        _verbatim ??= [];
        if (!_verbatim.TryGetValue(c, out var verbatim))
        {
            verbatim = _verbatim[c] = quotations.FindVerbatim(Normalized, Clauses[c], ownTitles ?? []);
        }

        return verbatim is { } v && v.Content.Contains(range) ? v : null;
    }

    /// <summary>The last attributed quotation inside <paramref name="clause"/> that closes before <paramref name="position"/>.</summary>
    public QuotedPassage? AttributedBefore(TextRange clause, int position)
    {
        QuotedPassage? last = null;
        foreach (var q in Attributed)
        {
            if (q.Content.Start > clause.Start && q.Content.End < position && q.Content.End <= clause.End)
            {
                last = q;
            }
        }

        return last;
    }

    private int ClauseIndex(int position)
    {
        var clauses = Clauses;
        for (var i = 0; i < clauses.Count; i++)
        {
            if (clauses[i].Start <= position && position < clauses[i].End)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Counters for one review, used by tests and benchmarks to show the prefilter does its job.</summary>
internal sealed class ReviewStats
{
    public int Paragraphs { get; set; }
    public int CandidateClauses { get; set; }
    public int SegmentedCharacters { get; set; }

    /// <summary>When set, time spent per rule (Stopwatch ticks), for profiling the rule set.</summary>
    public Dictionary<string, long>? RuleTicks { get; init; }
}
