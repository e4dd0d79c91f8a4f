using Filing.Core.Review.Matching;
using Filing.Core.Review.Quotations;
using Filing.Core.Text;

namespace Filing.Core.Review.Rules;

/// <summary>
/// The validated rules of every review step, loaded from a rules folder (by default <c>corpus/rules</c> next to the
/// application): one file per step (<c>fair-competition.yaml</c>, <c>gender-equality.yaml</c>, <c>health.yaml</c>,
/// <c>legality.yaml</c>, <c>drafting.yaml</c>), the scope lexicon (<c>lexicon.yaml</c>), the list of repealed laws
/// (<c>repealed-laws.yaml</c>) and the statute-quotation settings (<c>quotations.yaml</c>, with the statute texts it names). Immutable and safe to share between threads.
/// </summary>
public sealed class RuleSet
{
    internal RuleSet(
        string directory,
        IReadOnlyList<CompiledRule> compiled,
        ScopeLexicon lexicon,
        IReadOnlyList<RepealedLaw> repealedLaws,
        Art12Exceptions art12,
        QuotationSettings quotations,
        StatuteTexts statutes)
    {
        Statutes = statutes;
        Quotations = new QuotationFinder(quotations, statutes);
        Directory = directory;
        Compiled = compiled;
        Rules = compiled.Select(c => c.Rule).ToList();
        Lexicon = lexicon;
        RepealedLaws = repealedLaws;
        Art12 = art12;
        Anchors = new AnchorIndex(compiled);
        ById = compiled.Select((c, i) => (c.Rule.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The default rules folder: <c>corpus/rules</c> under the application folder.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "corpus", "rules");

    /// <summary>The folder the rules were loaded from.</summary>
    public string Directory { get; }

    /// <summary>Every rule, in file order (fair-competition, gender-equality, health, legality, drafting).</summary>
    public IReadOnlyList<ReviewRule> Rules { get; }

    /// <summary>Negation and quotation scope words.</summary>
    public ScopeLexicon Lexicon { get; }

    /// <summary>Repealed national laws and regulations, for the citation check.</summary>
    public IReadOnlyList<RepealedLaw> RepealedLaws { get; }

    /// <summary>公平竞争审查条例 art 12 exception handling.</summary>
    public Art12Exceptions Art12 { get; }

    /// <summary>
    /// The statute texts quotations are checked against (<c>corpus/statutes</c>, named by <c>quotations.yaml</c>).
    /// </summary>
    public StatuteTexts Statutes { get; }

    internal QuotationFinder Quotations { get; }

    internal IReadOnlyList<CompiledRule> Compiled { get; }

    internal AnchorIndex Anchors { get; }

    internal IReadOnlyDictionary<string, int> ById { get; }

    /// <summary>The rule with <paramref name="id"/>, or null.</summary>
    public ReviewRule? Find(string id) => ById.TryGetValue(id, out var i) ? Compiled[i].Rule : null;

    /// <summary>Loads and validates every rule file in <paramref name="directory"/>.</summary>
    /// <param name="directory">The rules folder.</param>
    /// <param name="compile">
    /// Compile the patterns to IL (3–5× faster matching, ~10 ms each to build and JIT: call <see cref="WarmUp"/> at
    /// start-up). False interprets them, which suits one-off validation.
    /// </param>
    /// <exception cref="RuleLoadException">A file is missing or malformed, or a rule is invalid; the message names both.</exception>
    public static RuleSet Load(string directory, bool compile = true) => RuleSetLoader.Load(directory, compile);

    /// <summary>
    /// Runs every pattern once so that compiled patterns are JIT-compiled before the first review (otherwise the
    /// first document pays seconds and, on a starved machine, can hit the match timeout).
    /// </summary>
    public void WarmUp()
    {
        const string sample = "本县外地企业须在本县设立分支机构，依法给予奖励；违反本办法的处以罚款。";
        foreach (var rule in Compiled)
        {
            foreach (var matcher in rule.AllMatchers.OfType<RegexMatcher>())
            {
                _ = matcher.Regex.Match(sample);
            }

            foreach (var exception in rule.Guards.Exceptions)
            {
                _ = exception.Match(sample);
            }
        }

        foreach (var (_, _, pattern) in Art12.Grounds)
        {
            _ = pattern.Match(sample);
        }

        foreach (var limit in Art12.TimeLimits)
        {
            _ = limit.Match(sample);
        }
    }

    /// <summary>Loads the rules from <see cref="DefaultDirectory"/>.</summary>
    /// <exception cref="RuleLoadException">A file is missing or malformed, or a rule is invalid.</exception>
    public static RuleSet LoadDefault() => Load(DefaultDirectory);
}
