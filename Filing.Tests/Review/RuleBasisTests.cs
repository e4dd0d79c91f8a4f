using System.Text.RegularExpressions;
using Filing.Core.Review;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Review;

/// <summary>
/// Every legal basis a rule cites is checked against the statute texts in ../shared/laws: the law is there, the
/// article exists, and the paragraph (款) and item (项) exist in that article.
/// </summary>
public partial class RuleBasisTests
{
    private static readonly string[] Paragraphs = ["第一款", "第二款", "第三款", "第四款", "第五款", "第六款", "第七款", "第八款", "第九款", "第十款"];

    public static TheoryData<string, int> Bases()
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in ReviewTestContext.Rules.Rules)
        {
            for (var i = 0; i < rule.Basis.Count; i++)
            {
                data.Add(rule.Id, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void CitedProvisionExists_GivenRuleBasis(string ruleId, int index)
    {
        var basis = ReviewTestContext.Rules.Find(ruleId)!.Basis[index];
        var library = StatuteLibrary.Shared;

        library.HasLaw(basis.Law).Should().BeTrue("{0} cites 《{1}》, which must be in ../shared/laws", ruleId, basis.Law);
        var article = library.Find(basis.Law, basis.Article);
        article.Should().NotBeNull("{0} cites {1}", ruleId, basis);

        var paragraphs = article!.Paragraphs;
        if (basis.Paragraph is { } p)
        {
            var number = Array.IndexOf(Paragraphs, p) + 1;
            number.Should().BeInRange(1, paragraphs.Count, "{0} cites {1}, which has {2} paragraph(s)", ruleId, basis, paragraphs.Count);
        }

        if (basis.Item is { } item)
        {
            var items = basis.Paragraph is { } para ? paragraphs[Array.IndexOf(Paragraphs, para)].Items : article.AllItems.ToList();
            items.Should().Contain(item, "{0} cites {1}", ruleId, basis);
        }
    }

    [Fact]
    public void EveryItemOfFairCompetitionArticles8To11_IsCoveredByARule()
    {
        var library = StatuteLibrary.Shared;
        var cited = ReviewTestContext.Rules.Rules
            .SelectMany(r => r.Basis)
            .Where(b => b.Law == "公平竞争审查条例" && b.Item is not null)
            .Select(b => b.Article + b.Item)
            .ToHashSet();

        var items = new[] { "第八条", "第九条", "第十条", "第十一条" }
            .SelectMany(a => library.Find("公平竞争审查条例", a)!.AllItems.Select(i => a + i))
            .ToList();

        items.Should().HaveCount(19, "rules.md §3 counts 19 items in arts 8–11");
        items.Should().BeSubsetOf(cited);
    }

    [Fact]
    public void EveryStepHasRules_GivenCommittedRuleSet()
    {
        ReviewTestContext.Rules.Rules.Select(r => r.Step).Distinct().Should().BeEquivalentTo(ReviewStepNames.All);
    }

    [Fact]
    public void RepealSourceInLibrary_NamesTheRepealedLaw()
    {
        var library = StatuteLibrary.Shared;
        var checkedAny = false;
        foreach (var law in ReviewTestContext.Rules.RepealedLaws)
        {
            var m = SourcePattern().Match(law.Source);
            if (!m.Success || !library.HasLaw(m.Groups[1].Value))
            {
                continue;
            }

            var article = library.Find(m.Groups[1].Value, m.Groups[2].Value);
            article.Should().NotBeNull(law.Source);
            article!.Text.Should().Contain(law.Name).And.Contain("废止", "{0} should state that {1} is repealed", law.Source, law.Name);
            checkedAny = true;
        }

        checkedAny.Should().BeTrue("at least one repeal (法规规章备案条例) is stated in a statute of the library");
    }

    // Only unversioned sources: 行政复议法（1999年）第四十三条 is not the 2023 text in the library.
    [GeneratedRegex(@"^([^（(第]+)(第[一二三四五六七八九十百零〇]+条)$")]
    private static partial Regex SourcePattern();
}
