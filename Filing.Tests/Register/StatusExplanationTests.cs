using Filing.Core.Register;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Register;

public class StatusExplanationTests
{
    private static readonly DateOnly Published = new(2018, 9, 10);

    [Fact]
    public void SaysWhenValidityEnded_GivenExpiredDocument()
    {
        var explanation = StatusExplanation.Explain(LifecycleStage.Published, Published, null, null, null, new DateOnly(2021, 4, 30), new DateOnly(2018, 10, 1), new DateOnly(2024, 9, 6));

        explanation.Should().Be(new StatusExplanation(DocumentStatus.Expired, new DateOnly(2021, 5, 1), null, "validity-ended",
            "有效期至2021年4月30日届满，自2021年5月1日起失效。"));
    }

    [Fact]
    public void GivesLastDay_GivenScheduledRepealBeforeValidityEnds()
    {
        var explanation = StatusExplanation.Explain(LifecycleStage.Terminated, Published, TerminationKind.Repealed, new DateOnly(2025, 2, 1), "上位法修改",
            new DateOnly(2026, 12, 31), Published, new DateOnly(2025, 1, 15));

        explanation.Status.Should().Be(DocumentStatus.InForce);
        explanation.Since.Should().Be(Published);
        explanation.Until.Should().Be(new DateOnly(2025, 1, 31));
        explanation.Summary.Should().Contain("将自2025年2月1日起废止");
    }

    [Theory]
    [InlineData(TerminationKind.Repealed, "repealed", "废止（上位法修改）")]
    [InlineData(TerminationKind.DeclaredInvalid, "declared-invalid", "宣布失效")]
    [InlineData(TerminationKind.Amended, "amended", "修改后的文件替代")]
    [InlineData(TerminationKind.Revoked, "revoked", "撤销")]
    public void NamesEndAndDate_GivenTermination(TerminationKind kind, string reason, string words)
    {
        var explanation = StatusExplanation.Explain(LifecycleStage.Terminated, Published, kind, new DateOnly(2020, 3, 1), "上位法修改", null, Published, new DateOnly(2024, 1, 1));

        explanation.Reason.Should().Be(reason);
        explanation.Since.Should().Be(new DateOnly(2020, 3, 1));
        explanation.Summary.Should().Contain("2020年3月1日").And.Contain(words);
    }

    [Fact]
    public void AgreesWithDerivedStatus_GivenEveryDayAroundTheDates()
    {
        var record = new RegisterTestData().At(LifecycleStage.Published);
        for (var day = new DateOnly(2024, 9, 1); day < new DateOnly(2024, 9, 30); day = day.AddDays(1))
        {
            StatusExplanation.Explain(record, day).Status.Should().Be(record.StatusOn(day));
        }
    }
}
