using Filing.Core.Review.Rules;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Review;

/// <summary>A malformed rule file stops loading with a message that names the file and the rule.</summary>
public sealed class RuleSetLoaderTests : IDisposable
{
    // A copy of corpus/ with rules/ and statutes/ side by side, as quotations.yaml expects (statutes: ../statutes).
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("rules-");
    private readonly DirectoryInfo _dir;

    public RuleSetLoaderTests()
    {
        _dir = _root.CreateSubdirectory("rules");
        foreach (var file in Directory.GetFiles(RepoRoot.Path("corpus", "rules"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(_dir.FullName, Path.GetFileName(file)));
        }

        var statutes = _root.CreateSubdirectory("statutes");
        foreach (var file in Directory.GetFiles(RepoRoot.Path("corpus", "statutes"), "*.md"))
        {
            File.Copy(file, Path.Combine(statutes.FullName, Path.GetFileName(file)));
        }
    }

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void LoadsCommittedRules()
    {
        var rules = RuleSet.Load(_dir.FullName, compile: false);

        rules.Rules.Should().HaveCountGreaterThan(40);
        rules.Rules.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        rules.RepealedLaws.Should().Contain(l => l.Name == "合同法" && l.Successor.StartsWith("民法典", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fair-competition.yaml", "    title: 限定经营、购买、使用特定经营者提供的商品或服务", "    title: 限定经营、购买、使用特定经营者提供的商品或服务\n    severty: error", "FC-0803", "severty")]
    [InlineData("fair-competition.yaml", "    severity: error\n    message: 限定或者变相限定", "    severity: fatal\n    message: 限定或者变相限定", "FC-0803", "severity")]
    [InlineData("gender-equality.yaml", "      - regex: '(?:男性|男士|男生|男同志|男职工)(?:应聘者|考生|报考者|求职者)?优先'", "      - regex: '(?:男性|男士(优先'", "GE-4301", "does not compile")]
    [InlineData("gender-equality.yaml", "      - regex: '(?:男性|男士|男生|男同志|男职工)(?:应聘者|考生|报考者|求职者)?优先'", "      - regex: '(?:男性|男士)（优先）'", "GE-4301", "full-width")]
    [InlineData("gender-equality.yaml", "      - regex: '(?:男性|男士|男生|男同志|男职工)(?:应聘者|考生|报考者|求职者)?优先'", "      - regex: '%MALE%优先'", "GE-4301", "unknown macro")]
    [InlineData("gender-equality.yaml", "        - 女性应聘者入职体检须包括妊娠测试。\n        - 女性考生体检时须加做B超和尿检以排除怀孕。\n", "", "GE-4303", "two 'positive'")]
    [InlineData("gender-equality.yaml", "      - regex: '(?:男性|男士|男生|男同志|男职工)(?:应聘者|考生|报考者|求职者)?优先'", "      - regex: '(?:男性|男士).*优先'", "GE-4301", "unbounded repetition")]
    [InlineData("gender-equality.yaml", "      - regex: '(?:男性|男士|男生|男同志|男职工)(?:应聘者|考生|报考者|求职者)?优先'", "      - regex: '(?:男性|男士)[^。]{2,}优先'", "GE-4301", "unbounded repetition")]
    [InlineData("legality.yaml", "    check: internal-body-issuer", "    check: internal-body-issuer\n    check: internal-body-issuer", "LG-1001", "duplicate key")]
    [InlineData("legality.yaml", "    check: internal-body-issuer", "    check: internal-body", "LG-1001", "unknown check")]
    [InlineData("legality.yaml", "  - id: LG-0102", "  - id: LG-0101", "LG-0101", "duplicate id")]
    [InlineData("legality.yaml", "      - { law: 行政许可法, article: 第十七条 }", "      - { law: 行政许可法, article: 17 }", "LG-0101", "第八条")]
    [InlineData("drafting.yaml", "      minDays: \"30\"", "      minDays: \"thirty\"", "DR-0202", "minDays")]
    [InlineData("drafting.yaml", "  - id: DR-0101", "  - id: FC-0101", "FC-0101", "start with 'DR-'")]
    public void NamesFileAndRule_GivenMalformedRule(string file, string find, string replace, string ruleId, string problem)
    {
        var path = Path.Combine(_dir.FullName, file);
        var text = File.ReadAllText(path);
        text.Should().Contain(find, "the test edits an existing line");
        File.WriteAllText(path, ReplaceFirst(text, find, replace));

        var act = () => RuleSet.Load(_dir.FullName, compile: false);

        var e = act.Should().Throw<RuleLoadException>().Which;
        e.File.Should().Be(file);
        e.RuleId.Should().Be(ruleId);
        e.Message.Should().Contain(file).And.Contain(ruleId).And.Contain(problem);
    }

    [Fact]
    public void NamesMissingStepFile()
    {
        File.Delete(Path.Combine(_dir.FullName, "health.yaml"));

        var act = () => RuleSet.Load(_dir.FullName, compile: false);

        act.Should().Throw<RuleLoadException>().Which.File.Should().Be("health.yaml");
    }

    [Fact]
    public void RefusesUnexpectedFile_GivenMisspeltStepFile()
    {
        File.Move(Path.Combine(_dir.FullName, "health.yaml"), Path.Combine(_dir.FullName, "heath.yaml"));

        var act = () => RuleSet.Load(_dir.FullName, compile: false);

        act.Should().Throw<RuleLoadException>().Which.File.Should().Be("heath.yaml");
    }

    [Fact]
    public void NamesRepealedLawsFile_GivenBadDate()
    {
        var path = Path.Combine(_dir.FullName, "repealed-laws.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("repealed: 2021-01-01, successor: 民法典（合同编）", "repealed: 2021-13-01, successor: 民法典（合同编）", StringComparison.Ordinal));

        var act = () => RuleSet.Load(_dir.FullName, compile: false);

        var e = act.Should().Throw<RuleLoadException>().Which;
        e.File.Should().Be("repealed-laws.yaml");
        e.RuleId.Should().Be("合同法");
    }

    [Fact]
    public void NamesQuotationsFile_GivenMissingStatuteFolder()
    {
        Directory.Delete(Path.Combine(_root.FullName, "statutes"), recursive: true);

        var act = () => RuleSet.Load(_dir.FullName, compile: false);

        act.Should().Throw<RuleLoadException>().Which.File.Should().Be("quotations.yaml");
    }

    [Fact]
    public void NamesQuotationsFile_GivenBadTitlePattern()
    {
        var path = Path.Combine(_dir.FullName, "quotations.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("statuteTitle: '(?:法|", "statuteTitle: '(?:法|(", StringComparison.Ordinal));

        var act = () => RuleSet.Load(_dir.FullName, compile: false);

        var e = act.Should().Throw<RuleLoadException>().Which;
        e.File.Should().Be("quotations.yaml");
        e.Message.Should().Contain("statuteTitle");
    }

    [Fact]
    public void LoadsShippedStatutes()
    {
        var rules = RuleSet.Load(_dir.FullName, compile: false);

        rules.Statutes.Has("中华人民共和国反垄断法").Should().BeTrue();
        rules.Statutes.Laws.Should().Contain(["行政处罚法", "妇女权益保障法", "公平竞争审查条例", "民法典"]);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
