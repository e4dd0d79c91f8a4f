using Filing.Core.Register;
using Filing.Core.Register.Specifications;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Register.Specifications;

public class DocumentVisibilityTests
{
    private static readonly RegisterTestData Data = new();

    public static TheoryData<string, LifecycleStage, bool> Matrix()
    {
        var rows = new TheoryData<string, LifecycleStage, bool>();
        void Row(string caller, bool drafting, bool inReview, bool published)
        {
            rows.Add(caller, LifecycleStage.Drafting, drafting);
            rows.Add(caller, LifecycleStage.InReview, inReview);
            rows.Add(caller, LifecycleStage.Approved, inReview);
            rows.Add(caller, LifecycleStage.Registered, inReview);
            rows.Add(caller, LifecycleStage.Published, published);
            rows.Add(caller, LifecycleStage.Terminated, published);
        }

        Row("owner", true, true, true);
        Row("other-department", false, false, true);
        Row("legal-office", false, true, true);
        Row("market-regulation", false, true, true);
        Row("other-county-legal-office", false, false, true);
        Row("npc", false, false, true);
        Row("party", false, false, true);
        Row("anonymous", false, false, true);
        Row("admin", true, true, true);
        return rows;
    }

    private static Caller CallerNamed(string name) => name switch
    {
        "owner" => Data.Drafter,
        "other-department" => Data.Drafter2,
        "legal-office" => Data.Legal,
        "market-regulation" => Data.Market,
        "other-county-legal-office" => Data.OtherLegal,
        "npc" => Data.NpcCaller,
        "party" => Data.PartyCaller,
        "anonymous" => Caller.Anonymous,
        _ => Data.Admin,
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Decides_GivenCallerAndStage(string caller, LifecycleStage stage, bool visible)
    {
        var doc = Data.At(stage);
        var spec = new DocumentByIdSpec(doc.Id, CallerNamed(caller));

        spec.IsSatisfiedBy(doc).Should().Be(visible);
        spec.Evaluate([doc]).Any().Should().Be(visible);
        new[] { doc }.AsQueryable().WithSpecification(spec).Any().Should().Be(visible);
    }

    [Fact]
    public void ShowsIssuingAuthorityItsOwnDrafts_GivenAuthorityAsDrafter()
    {
        var doc = Data.At(LifecycleStage.Drafting, issuer: Data.IssuingDepartment);
        var authority = Caller.For(Data.IssuingDepartment, CallerRoles.Drafter);

        new DocumentByIdSpec(doc.Id, authority).IsSatisfiedBy(doc).Should().BeTrue();
    }

    [Fact]
    public void DoesNotMatch_GivenOtherId()
    {
        var doc = Data.At(LifecycleStage.Published);

        new DocumentByIdSpec(Guid.NewGuid(), Caller.Anonymous).IsSatisfiedBy(doc).Should().BeFalse();
    }
}
