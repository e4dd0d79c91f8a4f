namespace Filing.Core.Text;

/// <summary>
/// The words that decide negation and quotation scope, loaded from <c>corpus/rules/lexicon.yaml</c> so that the
/// engine's idea of "this clause quotes a prohibition" is data a reviewer can read and extend.
/// </summary>
public sealed record ScopeLexicon
{
    /// <summary>
    /// Prohibition markers (不得, 禁止, 严禁, 不准…): anything after one of them in its scope is what the text forbids,
    /// not what it orders.
    /// </summary>
    public IReadOnlyList<string> Prohibitions { get; init; } = [];

    /// <summary>
    /// Counter-verbs (清理, 废除, 纠正, 防止…) that negate only when they govern a restrictive term:
    /// "防止地方保护" quotes the prohibition, "防止外地企业进入" does not.
    /// </summary>
    public IReadOnlyList<string> CounterVerbs { get; init; } = [];

    /// <summary>
    /// Restrictive terms (限定, 限制, 排斥, 歧视, 设置…): a prohibition or counter-verb followed by one of these
    /// forbids a restriction, which guards the whole clause chain, before and after the match.
    /// </summary>
    public IReadOnlyList<string> RestrictiveTerms { get; init; } = [];

    /// <summary>Most characters between a marker and the restrictive term it governs (default 10).</summary>
    public int RestrictiveWindow { get; init; } = 10;

    /// <summary>Sub-clause openings that continue the previous sub-clause's scope (或者, 以及, 也不得…).</summary>
    public IReadOnlyList<string> Continuations { get; init; } = [];

    /// <summary>Words after a quotation that make it a mention rather than a use (等表述, 等字样…).</summary>
    public IReadOnlyList<string> MentionCues { get; init; } = [];

    /// <summary>Words that announce a list (下列, 以下, 如下).</summary>
    public IReadOnlyList<string> ListLeadIns { get; init; } = [];

    /// <summary>Besides prohibitions, words that make a list lead-in a list of problems (审查, 排查…).</summary>
    public IReadOnlyList<string> ListLeadInMarkers { get; init; } = [];
}
