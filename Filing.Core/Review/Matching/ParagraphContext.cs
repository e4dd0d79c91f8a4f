using Filing.Core.Documents;
using Filing.Core.Text;

namespace Filing.Core.Review.Matching;

/// <summary>A paragraph being reviewed: original and normalised text (same length), quotations and titles.</summary>
internal sealed class ParagraphContext(DocParagraph paragraph, ITokenizer tokenizer, ReviewStats stats)
{
    private IReadOnlyList<TextRange>? _quotes;
    private IReadOnlyList<TextRange>? _titles;
    private IReadOnlyList<TextRange>? _clauses;

    public DocParagraph Paragraph { get; } = paragraph;

    public string Normalized { get; } = TextNormalizer.Normalize(paragraph.Text);

    public ITokenizer Tokenizer { get; } = tokenizer;

    public ReviewStats Stats { get; } = stats;

    public IReadOnlyList<TextRange> Quotes => _quotes ??= QuotationScanner.FindQuotes(Normalized);

    public IReadOnlyList<TextRange> Titles => _titles ??= QuotationScanner.FindTitles(Normalized);

    public IReadOnlyList<TextRange> Clauses => _clauses ??= ClauseSplitter.SplitClauses(Normalized, Quotes);
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
