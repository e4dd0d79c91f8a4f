using Filing.Core.Documents;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Documents.Structure;

public class ValidityTests
{
    private static Validity Read(string clause, string date = "2018年8月6日") =>
        RawDocs.Text($"""
            关于某事的意见
            各单位：
            一、总体要求
            {clause}
            桐庐县人民政府
            {date}
            """).Validity;

    [Fact]
    public void ComputesEndFromYears_GivenDateAndYears()
    {
        Read("本意见自2019年1月1日起施行，有效期5年。")
            .Should().Be(new Validity(new DateOnly(2019, 1, 1), new DateOnly(2023, 12, 31), 5, "本意见自2019年1月1日起施行，有效期5年。"));
    }

    [Theory]
    [InlineData("本意见自印发之日起施行，有效期为三年。", "2018-08-06", "2021-08-05", 3)]
    [InlineData("本意见自下发之日起实施，有效期两年。", "2018-08-06", "2020-08-05", 2)]
    [InlineData("本意见自2018年9月1日起执行，有效期至2021年4月30日。", "2018-09-01", "2021-04-30", null)]
    [InlineData("本意见有效期自2018年9月1日至2021年8月31日。", "2018-09-01", "2021-08-31", null)]
    [InlineData("本意见有效期自2018年9月1日起至2021年8月31日止。", "2018-09-01", "2021-08-31", null)]
    [InlineData("本意见自二〇一九年一月一日起施行。", "2019-01-01", null, null)]
    [InlineData("本意见2019年1月1日起施行，试行期2年。", "2019-01-01", "2020-12-31", 2)]
    [InlineData("本意见自2020年2月29日起施行，有效期1年。", "2020-02-29", "2021-02-28", 1)]
    public void ReadsValidity_GivenClause(string clause, string? effective, string? until, int? years)
    {
        var v = Read(clause);

        v.EffectiveDate.Should().Be(effective is null ? null : DateOnly.Parse(effective, System.Globalization.CultureInfo.InvariantCulture));
        v.ValidUntil.Should().Be(until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture));
        v.Years.Should().Be(years);
        v.Clause.Should().Be(clause);
    }

    [Theory]
    [InlineData("本意见自公布之日起30日后施行。")]
    [InlineData("本意见自发布之日起施行。")]
    public void KeepsClauseWithoutDate_GivenPublicationDateNotInFile(string clause)
    {
        var v = Read(clause);

        v.EffectiveDate.Should().BeNull();
        v.Clause.Should().Be(clause);
    }

    [Fact]
    public void ReturnsNone_GivenNoValidityClause() => Read("各单位要认真贯彻执行。").Should().Be(Validity.None);

    [Fact]
    public void LeavesOutArticleLabel_GivenArticleClause()
    {
        var d = RawDocs.Text("""
            某某办法
            第一条　为了规范管理，制定本办法。
            第二条　本办法自2019年1月1日起施行，有效期至2023年12月31日。原《某某办法》同时废止。
            """);

        d.Validity.Should().Be(new Validity(new DateOnly(2019, 1, 1), new DateOnly(2023, 12, 31), null, "本办法自2019年1月1日起施行，有效期至2023年12月31日。"));
    }

    [Fact]
    public void JoinsClauses_GivenStatementsInTwoParagraphs()
    {
        var v = Read("本意见自2019年1月1日起施行。\n本意见有效期5年。");

        v.Clause.Should().Be("本意见自2019年1月1日起施行。\n本意见有效期5年。");
        v.ValidUntil.Should().Be(new DateOnly(2023, 12, 31));
    }

    [Fact]
    public void PrefersOwnClause_GivenReferenceToAnotherDocumentsDate()
    {
        var v = Read("根据自2016年1月1日起施行的有关规定，本意见自2019年1月1日起施行。");

        v.EffectiveDate.Should().Be(new DateOnly(2019, 1, 1));
    }

    [Fact]
    public void PrefersDocumentsOwnClause_GivenQuotedRegulationWithItsOwnDate()
    {
        var d = RawDocs.Text("""
            某县某某管理办法
            第一条　《某某条例》第九十九条规定：“本条例自2026年10月3日起施行。”
            第二条　本办法自2024年4月1日起施行，有效期5年。
            """);

        d.Validity.Should().Be(new Validity(new DateOnly(2024, 4, 1), new DateOnly(2029, 3, 31), 5, "本办法自2024年4月1日起施行，有效期5年。"));
    }

    [Fact]
    public void ReadsTitleNotes_GivenRegulationDatesUnderEnclosedTitle()
    {
        var d = RawDocs.Text("""
            县人民政府关于印发《某某条例实施办法》的通知
            各单位：
            现将《某某条例实施办法》印发给你们。
            县人民政府
            2019年10月30日
            某某条例实施办法
            2019年10月22日 县人民政府第66次常务会议通过
            2020年1月1日 施行
            第一条　为了规范管理，制定本办法。
            """);

        d.Paragraphs[6].Role.Should().Be(ParagraphRole.HeaderBlock);
        d.Paragraphs[7].Role.Should().Be(ParagraphRole.HeaderBlock);
        d.Warnings.Should().BeEmpty();
        d.Validity.EffectiveDate.Should().Be(new DateOnly(2020, 1, 1));
        d.Articles.Should().ContainSingle();
    }
}
