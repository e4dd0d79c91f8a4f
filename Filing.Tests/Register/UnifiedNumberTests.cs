using Filing.Core.Register;

namespace Filing.Tests.Register;

public class UnifiedNumberTests
{
    [Theory]
    [InlineData("CYQD00-2020-0006", true)]
    [InlineData("AKFD00-2021-0003", true)]
    [InlineData("CYQD00-2020-006", false)]
    [InlineData("cyqd00-2020-0006", false)]
    [InlineData("CYQ000-2020-0006", false)]
    [InlineData("CYQD00—2020—0006", false)]
    [InlineData("CYQD00-2020-0006 ", false)]
    public void Validates_GivenZhejiangPattern(string text, bool valid) => UnifiedNumber.IsValid(text).Should().Be(valid);

    [Fact]
    public void FormatsAndParses_GivenParts()
    {
        var number = UnifiedNumber.Create("CYQD00", 2020, 6);

        number.Text.Should().Be("CYQD00-2020-0006");
        UnifiedNumber.Parse("CYQD00-2020-0006").Should().Be(number);
    }

    [Theory]
    [InlineData("CYQD0", 2020, 1)]
    [InlineData("CYQD00", 2020, 0)]
    [InlineData("CYQD00", 2020, 10000)]
    [InlineData("CYQD00", 999, 1)]
    public void RefusesParts_GivenOutOfRange(string prefix, int year, int sequence)
    {
        var act = () => UnifiedNumber.Create(prefix, year, sequence);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void RefusesOrganisation_GivenMalformedPrefix()
    {
        var act = () => new Organisation(Guid.NewGuid(), "x", "某县人民政府", OrganisationKind.Government, null, "ATL00");

        act.Should().Throw<ArgumentException>().WithMessage("*prefix*");
    }
}
