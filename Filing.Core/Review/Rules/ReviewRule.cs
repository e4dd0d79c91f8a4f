namespace Filing.Core.Review.Rules;

/// <summary>
/// One review rule as loaded from <c>corpus/rules/&lt;step&gt;.yaml</c>: what it flags, why (the legal basis),
/// what to do, and the examples that prove it. Matching is compiled separately; this is the public, descriptive part.
/// </summary>
public sealed record ReviewRule
{
    /// <summary>Stable id (FC-0803, GE-4301…): cited by stored reports and golden files, never reused.</summary>
    public required string Id { get; init; }

    /// <summary>Review step.</summary>
    public required ReviewStep Step { get; init; }

    /// <summary>Short Chinese title.</summary>
    public required string Title { get; init; }

    /// <summary>Severity before any exception handling.</summary>
    public required Severity Severity { get; init; }

    /// <summary>User-facing Chinese message; may hold <c>{placeholders}</c> filled by code checks.</summary>
    public required string Message { get; init; }

    /// <summary>Statute articles, verified against the statute texts by the test suite.</summary>
    public IReadOnlyList<LegalBasis> Basis { get; init; } = [];

    /// <summary>Policy documents and standards not in the statute library (国办发〔2018〕37号, GB/T 9704…), cited as text.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>What the drafter should do.</summary>
    public required string Suggestion { get; init; }

    /// <summary>Name of the code check behind a document-level rule, or null for a pattern rule.</summary>
    public string? Check { get; init; }

    /// <summary>Whether the rule only makes sense on a whole document (发文字号, 有效期…), not on a pasted passage.</summary>
    public bool WholeDocumentOnly { get; init; }

    /// <summary>Whether the rule asks a screening question (健康影响评价) rather than flagging a problem clause.</summary>
    public bool Screening { get; init; }

    /// <summary>Whether the rule reports at most once per document.</summary>
    public bool Once { get; init; }

    /// <summary>Texts the rule must flag; the test suite runs them.</summary>
    public IReadOnlyList<string> Positives { get; init; } = [];

    /// <summary>Texts the rule must not flag; the test suite runs them.</summary>
    public IReadOnlyList<string> Negatives { get; init; } = [];

    /// <summary>The file the rule came from, relative to the rules folder.</summary>
    public required string Source { get; init; }
}
