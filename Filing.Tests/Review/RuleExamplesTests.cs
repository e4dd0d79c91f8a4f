using Filing.Core.Review;
using Filing.Core.Review.Rules;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Review;

/// <summary>
/// Every rule's own examples, run through the whole engine (prefilter, segmentation, guards, checks): a rule that
/// misses one of its positives or flags one of its negatives fails the build.
/// </summary>
public class RuleExamplesTests
{
    public static TheoryData<string, int> Positives() => Examples(r => r.Positives);

    public static TheoryData<string, int> Negatives() => Examples(r => r.Negatives);

    [Theory]
    [MemberData(nameof(Positives))]
    public void FlagsPositiveExample_GivenRule(string ruleId, int index)
    {
        var rule = ReviewTestContext.Rules.Find(ruleId)!;
        var text = rule.Positives[index];

        var report = Run(rule, text);

        report.Findings.Should().Contain(f => f.RuleId == ruleId,
            "positive example {0} of {1} must be flagged: «{2}»", index + 1, ruleId, text);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public void DoesNotFlagNegativeExample_GivenRule(string ruleId, int index)
    {
        var rule = ReviewTestContext.Rules.Find(ruleId)!;
        var text = rule.Negatives[index];

        var report = Run(rule, text);

        report.Findings.Where(f => f.RuleId == ruleId).Should().BeEmpty(
            "negative example {0} of {1} must not be flagged: «{2}»", index + 1, ruleId, text);
    }

    [Fact]
    public void EveryRule_HasAtLeastTwoPositivesAndTwoNegatives()
    {
        ReviewTestContext.Rules.Rules.Should().OnlyContain(r => r.Positives.Count >= 2 && r.Negatives.Count >= 2);
    }

    private static ReviewReport Run(ReviewRule rule, string text) =>
        ReviewTestContext.Reviewer.ReviewText(text.TrimEnd('\n'), [rule.Step], wholeDocument: rule.WholeDocumentOnly);

    private static TheoryData<string, int> Examples(Func<ReviewRule, IReadOnlyList<string>> select)
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in ReviewTestContext.Rules.Rules)
        {
            for (var i = 0; i < select(rule).Count; i++)
            {
                data.Add(rule.Id, i);
            }
        }

        return data;
    }
}
