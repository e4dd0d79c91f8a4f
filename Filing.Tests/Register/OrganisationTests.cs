using Filing.Core.Register;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Register;

/// <summary>An issuing authority's 机关代字 and the rule that a 发文字号 carries one of them.</summary>
public class OrganisationTests
{
    private readonly RegisterTestData _data = new();

    private static Organisation Authority(params string[] codes) =>
        new(Guid.CreateVersion7(), "tonglu-gov", "桐庐县人民政府", OrganisationKind.Government, null, "ATLD00", codes);

    // ---- the 机关代字 list ----

    [Fact]
    public void ListsNoCodes_GivenNoneConfigured()
    {
        _data.Government.IssuerCodes.Should().BeEmpty();
        _data.Government.ForeignIssuerCodeOf("青政发〔2024〕8号").Should().BeNull("an authority that lists no codes is not checked");
    }

    [Fact]
    public void NormalisesCodes_GivenSpacesAndFullWidthLetters()
    {
        var authority = Authority(" 桐政发 ", "桐 政 函", "桐ＸＹ发");

        authority.IssuerCodes.Should().Equal("桐政发", "桐政函", "桐XY发");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("桐政发〔2024〕")]
    [InlineData("桐政发2024")]
    [InlineData("桐政[发]")]
    [InlineData("桐政（发）")]
    [InlineData("桐政发号1")]
    [InlineData("桐政-发")]
    [InlineData("桐政发，")]
    [InlineData("一二三四五六七八九十一二三")] // 13 characters
    [InlineData("根据桐政发")] // the parser drops 根据: the code could never match
    public void RefusesCode_GivenTextThatIsNotAnIssuerCode(string code)
    {
        Organisation.TryNormalizeIssuerCode(code, out var normalised, out var problem).Should().BeFalse();
        normalised.Should().BeNull();
        problem.Should().NotBeNullOrWhiteSpace();
        var act = () => Authority(code);
        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("桐政发")]
    [InlineData("桐政办发")]
    [InlineData("浙政办发")]
    [InlineData("国办发")]
    [InlineData("桐政")]
    [InlineData("一二三四五六七八九十一二")] // 12 characters, the parser's longest
    public void AcceptsCode_GivenCodeTheParserReadsBack(string code)
    {
        Organisation.TryNormalizeIssuerCode(code, out var normalised, out _).Should().BeTrue();
        normalised.Should().Be(code);
    }

    [Fact]
    public void RefusesCodes_GivenSameCodeTwiceAfterNormalisation()
    {
        var act = () => Authority("桐政发", "桐 政发");

        act.Should().Throw<ArgumentException>().WithMessage("*桐政发*");
    }

    [Fact]
    public void RefusesCodes_GivenTooMany()
    {
        var codes = Enumerable.Range(0, Organisation.MaxIssuerCodes + 1).Select(i => "桐政" + (char)('甲' + i) + "发").ToArray();

        var act = () => Authority(codes);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void RefusesCodes_GivenOrganisationThatIssuesNoDocuments()
    {
        var act = () => new Organisation(Guid.CreateVersion7(), "fgj", "桐庐县发展和改革局", OrganisationKind.Department, null, null, ["桐发改"]);

        act.Should().Throw<ArgumentException>().WithMessage("*issuing authority*");
    }

    [Fact]
    public void ClearsCodes_GivenEmptyList()
    {
        var authority = Authority("桐政发");

        authority.SetIssuerCodes([]);

        authority.IssuerCodes.Should().BeEmpty();
        authority.ForeignIssuerCodeOf("青政发〔2024〕8号").Should().BeNull();
    }

    [Fact]
    public void KeepsCodes_GivenRefusedReplacement()
    {
        var authority = Authority("桐政发");

        var act = () => authority.SetIssuerCodes(["桐政函", "桐政〔"]);

        act.Should().Throw<ArgumentException>();
        authority.IssuerCodes.Should().Equal("桐政发");
    }

    // ---- the rule ----

    [Theory]
    [InlineData("青政发〔2024〕8号", "青政发")]
    [InlineData("桐教发〔2024〕3号", "桐教发")]
    [InlineData("桐政办发〔2024〕3号", "桐政办发")]
    [InlineData("桐政[2024]3号", "桐政")]
    [InlineData("青 政 发（２０２４）８号", "青政发")]
    public void NamesForeignCode_GivenNumberOfAnotherBody(string number, string code) =>
        Authority("桐政发", "桐政函").ForeignIssuerCodeOf(number).Should().Be(code);

    [Theory]
    [InlineData("桐政发〔2024〕8号")]
    [InlineData("桐政函〔2024〕8号")]
    [InlineData("桐政发[2024]8号")]
    [InlineData("桐 政 发 （2024） 第08号")]
    [InlineData("桐政发［２０２４］８号")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("第八号文件")] // not a 发文字号: the number rules deal with that, not this one
    public void AcceptsNumber_GivenOwnCodeOrNoNumber(string? number) =>
        Authority("桐政发", "桐政函").ForeignIssuerCodeOf(number).Should().BeNull();

    [Fact]
    public void ComparesOrdinally_GivenLatinLettersInCode()
    {
        var authority = new Organisation(Guid.CreateVersion7(), "xq", "某开发区管委会", OrganisationKind.Government, null, "AXQD00", ["XQ管发"]);

        authority.ForeignIssuerCodeOf("ＸＱ管发〔2024〕1号").Should().BeNull("full-width letters are folded as the look-up folds them");
        authority.ForeignIssuerCodeOf("xq管发〔2024〕1号").Should().Be("xq管发");
    }

    // ---- the early word on a decided document ----

    [Fact]
    public void ListsIssuerCodeBeforeRegistration_GivenDecidedDocumentWithForeignCode()
    {
        var authority = _data.Government;
        authority.SetIssuerCodes(["青政发"]); // the test draft carries 桐政发〔2018〕47号
        var doc = _data.At(LifecycleStage.Decided);

        var missing = doc.MissingFor(LifecycleStage.Registered, authority);

        missing.Select(m => m.Code).Should().Equal("document-number-issuer-code", "registration");
        missing[0].Message.Should().Contain("桐政发〔2018〕47号").And.Contain("青政发").And.Contain("桐庐县人民政府");
    }

    [Fact]
    public void ListsOnlyRegistration_GivenOwnCodeOrNoCodes()
    {
        var doc = _data.At(LifecycleStage.Decided);

        doc.MissingFor(LifecycleStage.Registered, _data.Government).Select(m => m.Code).Should().Equal("registration");
        _data.Government.SetIssuerCodes(["桐政发"]);
        doc.MissingFor(LifecycleStage.Registered, _data.Government).Select(m => m.Code).Should().Equal("registration");
    }

    [Fact]
    public void ListsNothingMore_GivenRegisteredDocumentOrAnotherAuthority()
    {
        var registered = _data.At(LifecycleStage.Registered);
        _data.Government.SetIssuerCodes(["青政发"]);

        registered.MissingFor(LifecycleStage.Published, _data.Government).Select(m => m.Code).Should().Equal("publication");
        var decided = _data.At(LifecycleStage.Decided);
        decided.MissingFor(LifecycleStage.Registered, _data.OtherGovernment).Select(m => m.Code).Should().Equal(["registration"],
            "only the document's own issuing authority's codes apply");
    }
}
