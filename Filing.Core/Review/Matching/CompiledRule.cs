using System.Text.RegularExpressions;
using Filing.Core.Review.Checks;
using Filing.Core.Review.Rules;

namespace Filing.Core.Review.Matching;

/// <summary>A rule ready to run: its description plus matchers, guards and context requirements.</summary>
internal sealed class CompiledRule(
    ReviewRule rule,
    IReadOnlyList<Matcher> matchers,
    RuleGuards guards,
    IReadOnlyList<string> require,
    bool requireInParagraph,
    IReadOnlyList<string> supersedes,
    IDocumentCheck? check,
    IReadOnlyDictionary<string, string> parameters,
    IReadOnlyList<string> listLeadIn,
    IReadOnlyList<Matcher> listMatchers)
{
    public ReviewRule Rule { get; } = rule;

    public IReadOnlyList<Matcher> Matchers { get; } = matchers;

    public RuleGuards Guards { get; } = guards;

    /// <summary>Terms of which the clause (or paragraph) must contain at least one, e.g. a recruitment context.</summary>
    public IReadOnlyList<string> Require { get; } = require;

    public bool RequireInParagraph { get; } = requireInParagraph;

    /// <summary>Rules whose findings on an overlapping excerpt this rule replaces (a specific rule over a generic one).</summary>
    public IReadOnlyList<string> Supersedes { get; } = supersedes;

    public IDocumentCheck? Check { get; } = check;

    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;

    /// <summary>Words of a list lead-in (下列条件, 不享受…) under which <see cref="ListMatchers"/> also apply to the items.</summary>
    public IReadOnlyList<string> ListLeadIn { get; } = listLeadIn;

    /// <summary>Matchers for list items, used only when the item's lead-in holds one of <see cref="ListLeadIn"/>.</summary>
    public IReadOnlyList<Matcher> ListMatchers { get; } = listMatchers;

    /// <summary>Every matcher, for the prefilter.</summary>
    public IEnumerable<Matcher> AllMatchers => Matchers.Concat(ListMatchers);
}

/// <summary>When a match is not a finding.</summary>
/// <param name="Negation">Skip matches in the scope of a prohibition (不得…, 禁止…) or a prohibition list.</param>
/// <param name="Quotation">Skip matches inside a quoted mention or a 《title》.</param>
/// <param name="Exceptions">Skip when the clause states one of these (依法, 法律、行政法规另有规定…).</param>
/// <param name="Unless">Skip when the clause contains one of these literals (各类企业, 符合条件的…).</param>
internal sealed record RuleGuards(bool Negation, bool Quotation, IReadOnlyList<Regex> Exceptions, IReadOnlyList<string> Unless);
