using Filing.Core.Calendar;
using Filing.Core.Register;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Register;

public class OversightFilingTests
{
    private static readonly DateTimeOffset Now = RegisterTestData.Now;
    private static readonly DateOnly Today = RegisterTestData.Today;
    private static readonly Period TwoMonths = Period.Months(2);
    private readonly RegisterTestData _data = new();

    private OversightFiling NpcFiling()
    {
        var doc = _data.At(LifecycleStage.Registered);
        return doc.Publish(new Publication(Today, "网站"), _data.Routes, TestCalendar.Corpus, Today, _data.Legal.AsActor(), Now)
            .Single(f => f.RecipientId == _data.Npc.Id);
    }

    [Fact]
    public void ClosesWithoutProblem_GivenReceiptAndNoProblemOpinion()
    {
        var filing = NpcFiling();

        filing.Receive(Now);
        filing.RecordOpinion(FilingOpinion.NoProblem, null, null, TwoMonths, TestCalendar.Corpus, Today, Now);

        filing.Status.Should().Be(FilingStatus.NoIssues);
        filing.IsClosed.Should().BeTrue();
        filing.ReceivedAt.Should().Be(Now);
    }

    [Fact]
    public void ReturnsAndResubmits_GivenFormalDefect()
    {
        var filing = NpcFiling();

        filing.Return("缺少起草说明和合法性审核意见书", Now);
        filing.Status.Should().Be(FilingStatus.Returned);
        filing.IsOverdueOn(filing.DueDate).Should().BeFalse();
        filing.IsOverdueOn(filing.DueDate.AddDays(1)).Should().BeTrue();

        filing.Resubmit(filing.DueDate.AddDays(3), Now);
        filing.Status.Should().Be(FilingStatus.Submitted);
        filing.Submissions.Should().Be(2);
        filing.SubmittedLate.Should().BeTrue();
        filing.IsOverdueOn(filing.DueDate.AddDays(5)).Should().BeFalse();
        filing.FirstSubmittedOn.Should().Be(Today);
    }

    [Fact]
    public void StaysOpenUntilCorrected_GivenCorrectionRequired()
    {
        var filing = NpcFiling();
        filing.Receive(Now);

        filing.RecordOpinion(FilingOpinion.CorrectionRequired, "第五条与上位法相抵触", null, TwoMonths, TestCalendar.Corpus, Today, Now);

        filing.Status.Should().Be(FilingStatus.CorrectionRequired);
        filing.CorrectionDueDate.Should().Be(new DateOnly(2024, 11, 6));
        filing.IsClosed.Should().BeFalse();
        filing.IsOverdueOn(new DateOnly(2024, 11, 7)).Should().BeTrue();

        filing.RecordCorrection("已印发修改决定，删除第五条", Now);
        filing.Status.Should().Be(FilingStatus.Corrected);
        filing.IsOverdueOn(new DateOnly(2024, 11, 7)).Should().BeFalse();
    }

    [Fact]
    public void UsesGivenDeadline_GivenCorrectionDueDate()
    {
        var filing = NpcFiling();
        filing.Receive(Now);

        filing.RecordOpinion(FilingOpinion.CorrectionRequired, "意见", new DateOnly(2024, 10, 31), TwoMonths, TestCalendar.Corpus, Today, Now);

        filing.CorrectionDueDate.Should().Be(new DateOnly(2024, 10, 31));
    }

    [Fact]
    public void Revokes_GivenRevocationOpinion()
    {
        var filing = NpcFiling();
        filing.Receive(Now);

        filing.RecordOpinion(FilingOpinion.Revocation, "超越法定权限设定行政处罚", null, TwoMonths, TestCalendar.Corpus, Today, Now);

        filing.Status.Should().Be(FilingStatus.Revoked);
        filing.IsClosed.Should().BeTrue();
    }

    [Theory]
    [InlineData(FilingOpinion.CorrectionRequired, null, null, "opinion-missing")]
    [InlineData(FilingOpinion.Revocation, " ", null, "opinion-missing")]
    [InlineData(FilingOpinion.CorrectionRequired, "意见", 0, "deadline-not-in-future")]
    [InlineData(FilingOpinion.NoProblem, null, 10, "deadline-not-applicable")]
    public void RefusesOpinion_GivenMissingTextOrBadDeadline(FilingOpinion opinion, string? text, int? dueOffset, string code)
    {
        var filing = NpcFiling();
        filing.Receive(Now);

        var act = () => filing.RecordOpinion(opinion, text, dueOffset is { } o ? Today.AddDays(o) : null, TwoMonths, TestCalendar.Corpus, Today, Now);

        act.Should().Throw<RegisterValidationException>().Which.Code.Should().Be(code);
        filing.Status.Should().Be(FilingStatus.Received);
    }

    [Fact]
    public void RefusesOutOfOrderSteps_GivenWrongStatus()
    {
        var filing = NpcFiling();

        FluentActions.Invoking(() => filing.RecordOpinion(FilingOpinion.NoProblem, null, null, TwoMonths, TestCalendar.Corpus, Today, Now))
            .Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("filing-received");
        FluentActions.Invoking(() => filing.RecordCorrection("x", Now))
            .Should().Throw<LifecycleViolationException>().Which.Step.Should().Be("correction");
        FluentActions.Invoking(() => filing.Resubmit(Today, Now))
            .Should().Throw<LifecycleViolationException>().Which.Step.Should().Be("resubmission");

        filing.Receive(Now);
        FluentActions.Invoking(() => filing.Receive(Now)).Should().Throw<LifecycleViolationException>();
        FluentActions.Invoking(() => filing.Return("x", Now)).Should().Throw<LifecycleViolationException>();
    }

    [Fact]
    public void RefusesReturn_GivenNoReason()
    {
        var filing = NpcFiling();

        FluentActions.Invoking(() => filing.Return("", Now)).Should().Throw<RegisterValidationException>().Which.Field.Should().Be("reason");
    }

    [Fact]
    public void FlagsEstimatedDueDate_GivenYearWithoutHolidayNotice()
    {
        var doc = _data.At(LifecycleStage.Registered);
        var published = new DateOnly(2026, 12, 15);

        var filing = doc.Publish(new Publication(published, "网站"), _data.Routes, TestCalendar.Corpus, published, _data.Legal.AsActor(), Now)
            .Single(f => f.RecipientId == _data.Npc.Id);

        filing.DueDate.Should().Be(new DateOnly(2027, 1, 14));
        filing.DueDateEstimated.Should().BeTrue();
    }
}
