using Filing.Core.Documents;

namespace Filing.Tests.Documents;

public class DocumentNumberParserTests
{
    [Fact]
    public void IsWellFormed_GivenStandardNumber()
    {
        DocumentNumberParser.TryParse("桐政发〔2018〕47号", out var n).Should().BeTrue();

        n.Should().BeEquivalentTo(new
        {
            Text = "桐政发〔2018〕47号",
            Raw = "桐政发〔2018〕47号",
            IssuerCode = "桐政发",
            Year = 2018,
            Sequence = 47,
            WellFormed = true,
            Problems = Array.Empty<string>(),
        });
    }

    [Theory]
    [InlineData("桐政发[2018]47号", "六角括号")]
    [InlineData("桐政发(2018)47号", "六角括号")]
    [InlineData("桐政发（2018）47号", "六角括号")]
    [InlineData("桐政发【2018】47号", "六角括号")]
    [InlineData("桐政发［2018］47号", "六角括号")]
    [InlineData("桐政发〖2018〗47号", "六角括号")]
    [InlineData("桐政发[2018〕47号", "六角括号")]
    [InlineData("桐政发〔2018〕第47号", "第")]
    [InlineData("桐政发〔2018〕047号", "虚位")]
    [InlineData("桐政发〔18〕47号", "全称")]
    [InlineData("桐政发〔2018〕47", "号")]
    [InlineData("桐政发 〔2018〕 47 号", "空格")]
    [InlineData("桐政发〔２０１８〕４７号", "半角")]
    public void NormalisesAndFlags_GivenVariant(string raw, string problemMentions)
    {
        DocumentNumberParser.TryParse(raw, out var n).Should().BeTrue();

        n!.Text.Should().Be("桐政发〔2018〕47号");
        n.IssuerCode.Should().Be("桐政发");
        n.Year.Should().Be(2018);
        n.Sequence.Should().Be(47);
        n.Raw.Should().Be(raw.Trim());
        n.WellFormed.Should().BeFalse();
        n.Problems.Should().Contain(p => p.Contains(problemMentions));
    }

    [Fact]
    public void ListsEveryProblem_GivenSeveralDeviations()
    {
        DocumentNumberParser.TryParse("桐政办发[18]第007号", out var n).Should().BeTrue();

        n!.Text.Should().Be("桐政办发〔2018〕7号");
        n.Problems.Should().HaveCount(4);
    }

    [Theory]
    [InlineData("国发〔97〕12号", 1997)]
    [InlineData("国发〔05〕12号", 2005)]
    public void ExpandsTwoDigitYear_GivenCentury(string raw, int year)
    {
        DocumentNumberParser.TryParse(raw, out var n).Should().BeTrue();
        n!.Year.Should().Be(year);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("〔2018〕47号")]
    [InlineData("桐政发〔2018〕0号")]
    [InlineData("桐政发2018年47号")]
    [InlineData("桐政发〔2018〕47号文件")]
    [InlineData("桐政发〔1800〕47号")]
    public void Rejects_GivenNotANumber(string? text) => DocumentNumberParser.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void NormalizesForLookup_GivenVariants()
    {
        DocumentNumberParser.Normalize("桐政发[2018]47号").Should().Be("桐政发〔2018〕47号");
        DocumentNumberParser.Normalize(" 桐政发（2018）第047号 ").Should().Be("桐政发〔2018〕47号");
        DocumentNumberParser.Normalize("不是文号").Should().BeNull();
        DocumentNumber.TryParse("杭委法治〔2017〕1号", out var n).Should().BeTrue();
        n!.IssuerCode.Should().Be("杭委法治");
    }

    [Fact]
    public void Throws_GivenParseOfNonNumber() =>
        FluentActions.Invoking(() => DocumentNumberParser.Parse("abc")).Should().Throw<FormatException>();

    [Fact]
    public void FindsNumbersWithPositions_GivenRunningText()
    {
        const string text = "根据《中共中央、国务院关于印发<法治政府建设实施纲要>的通知》(中发〔2015〕36号)和杭委法治[2017]1号要求";

        var found = DocumentNumberParser.FindAll(text);

        found.Select(f => f.Number.Text).Should().Equal("中发〔2015〕36号", "杭委法治〔2017〕1号");
        text.Substring(found[0].Index, found[0].Length).Should().Be("中发〔2015〕36号");
        text.Substring(found[1].Index, found[1].Length).Should().Be("杭委法治[2017]1号");
    }

    [Fact]
    public void AcceptsMissingHao_OnlyAfterLabel()
    {
        DocumentNumberParser.FindAll("文件编号: 桐政发(2018)47 公开形式: 主动公开").Should().ContainSingle()
            .Which.Number.Text.Should().Be("桐政发〔2018〕47号");
        DocumentNumberParser.FindAll("见桐政发(2018)47 页").Should().BeEmpty();
    }

    [Theory]
    [InlineData("桐政发〔2018〕47号")]
    [InlineData("桐政发[2018]47号")]
    [InlineData("桐政发 〔2018〕 47 号")]
    [InlineData("桐 政 发［２０１８］第０４７号")]
    [InlineData("桐政发（18）47")]
    [InlineData("  桐政发\u3000(2018)\u300047号 ")]
    public void LookupKey_IsTheCanonicalNumber_GivenAnyUsualVariant(string typed)
    {
        DocumentNumberParser.LookupKey(typed).Should().Be("桐政发〔2018〕47号");
        DocumentNumberParser.TryParseLookup(typed, out var number).Should().BeTrue();
        number!.Text.Should().Be("桐政发〔2018〕47号");
    }

    [Theory]
    [InlineData("桐 政 发［２０１８］４７号")]
    [InlineData("桐政发 ［2018］ 47 号")]
    public void TryParseLookup_IsMoreLenientThanTryParse_GivenSpacesInsideTheCodeOrFullWidthBrackets(string typed)
    {
        DocumentNumberParser.TryParseLookup(typed, out var number).Should().BeTrue();
        number!.Text.Should().Be("桐政发〔2018〕47号");
    }

    [Theory]
    [InlineData("内部通知 A１", "内部通知A1")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void LookupKey_FoldsTextThatIsNotANumber_GivenOtherText(string? typed, string? key) =>
        DocumentNumberParser.LookupKey(typed).Should().Be(key);
}
