using Filing.Core.Review;
using Filing.Core.Review.Rules;
using Filing.Core.Text;

namespace Filing.Tests.TestSupport;

/// <summary>The committed rule set (corpus/rules in the repository) and one reviewer over it, shared by tests.</summary>
public static class ReviewTestContext
{
    private static readonly Lazy<RuleSet> LazyRules = new(() =>
    {
        var rules = RuleSet.Load(RepoRoot.Path("corpus", "rules"));
        rules.WarmUp();
        return rules;
    });
    private static readonly Lazy<Reviewer> LazyReviewer = new(() => new Reviewer(LazyRules.Value, JiebaTokenizer.Shared));

    public static RuleSet Rules => LazyRules.Value;

    public static Reviewer Reviewer => LazyReviewer.Value;
}
