using Filing.Core.Register;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Register;

public class CleanupCampaignTests
{
    private static readonly DateTimeOffset Now = RegisterTestData.Now;
    private static readonly DateOnly Today = RegisterTestData.Today;
    private readonly RegisterTestData _data = new();

    private CleanupCampaign Open(out NormativeDocumentRecord a, out NormativeDocumentRecord b)
    {
        a = _data.At(LifecycleStage.Published);
        b = _data.At(LifecycleStage.Published);
        return CleanupCampaign.Open(Guid.NewGuid(), _data.Government, null, [a, b], Today, _data.Legal.AsActor(), Now);
    }

    [Fact]
    public void ListsDocuments_GivenOpening()
    {
        var campaign = Open(out var a, out var b);

        campaign.Items.Select(i => i.DocumentId).Should().Equal(a.Id, b.Id);
        campaign.Title.Should().Be("桐庐县人民政府2024年行政规范性文件清理");
        campaign.Undecided.Should().Be(2);
        campaign.Status.Should().Be(CleanupStatus.Open);
    }

    [Fact]
    public void PublishesFourLists_GivenEveryDecision()
    {
        var campaign = Open(out var a, out var b);

        campaign.Decide(a.Id, CleanupDecision.Continue, null, _data.Legal.AsActor(), Now);
        campaign.Decide(b.Id, CleanupDecision.Continue, null, _data.Legal.AsActor(), Now);
        campaign.Decide(b.Id, CleanupDecision.Repeal, "上位法已废止", _data.Legal.AsActor(), Now); // a decision can change while open
        campaign.Publish(Today, Today);

        campaign.Status.Should().Be(CleanupStatus.Published);
        campaign.ListOf(CleanupDecision.Continue).Should().ContainSingle().Which.DocumentId.Should().Be(a.Id);
        campaign.ListOf(CleanupDecision.Repeal).Should().ContainSingle().Which.Reason.Should().Be("上位法已废止");
        campaign.ListOf(CleanupDecision.Amend).Should().BeEmpty();
        campaign.ListOf(CleanupDecision.DeclareInvalid).Should().BeEmpty();
    }

    [Fact]
    public void RefusesPublication_GivenUndecidedDocument()
    {
        var campaign = Open(out var a, out _);
        campaign.Decide(a.Id, CleanupDecision.Continue, null, _data.Legal.AsActor(), Now);

        var act = () => campaign.Publish(Today, Today);

        act.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("cleanup-undecided");
    }

    [Fact]
    public void RequiresReason_GivenRepealAmendOrInvalid()
    {
        var campaign = Open(out var a, out _);

        foreach (var decision in new[] { CleanupDecision.Amend, CleanupDecision.Repeal, CleanupDecision.DeclareInvalid })
        {
            var act = () => campaign.Decide(a.Id, decision, " ", _data.Legal.AsActor(), Now);
            act.Should().Throw<RegisterValidationException>().Which.Field.Should().Be("reason");
        }
    }

    [Fact]
    public void RefusesDecision_GivenUnlistedDocumentOrPublishedCampaign()
    {
        var campaign = Open(out var a, out var b);

        FluentActions.Invoking(() => campaign.Decide(Guid.NewGuid(), CleanupDecision.Continue, null, _data.Legal.AsActor(), Now))
            .Should().Throw<KeyNotFoundException>();

        campaign.Decide(a.Id, CleanupDecision.Continue, null, _data.Legal.AsActor(), Now);
        campaign.Decide(b.Id, CleanupDecision.Continue, null, _data.Legal.AsActor(), Now);
        campaign.Publish(Today, Today);

        FluentActions.Invoking(() => campaign.Decide(a.Id, CleanupDecision.Repeal, "x", _data.Legal.AsActor(), Now))
            .Should().Throw<LifecycleViolationException>();
        FluentActions.Invoking(() => campaign.Publish(Today, Today)).Should().Throw<LifecycleViolationException>();
    }

    [Fact]
    public void RefusesDocumentsOfAnotherAuthority_GivenOpening()
    {
        var foreign = _data.At(LifecycleStage.Published, issuer: _data.IssuingDepartment);

        var act = () => CleanupCampaign.Open(Guid.NewGuid(), _data.Government, null, [foreign], Today, _data.Legal.AsActor(), Now);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ComputesNextDue_GivenTwoYearInterval()
    {
        new CleanupPolicy().NextDue(new DateOnly(2024, 9, 6)).Should().Be(new DateOnly(2026, 9, 6));
        new CleanupPolicy(3).NextDue(new DateOnly(2024, 2, 29)).Should().Be(new DateOnly(2027, 2, 28));
    }
}
