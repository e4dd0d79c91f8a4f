using Filing.Core.Calendar;
using Filing.Core.Participation;
using Filing.Core.Register;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Participation;

public class ObjectionTests
{
    private static readonly DateTimeOffset Now = RegisterTestData.Now;
    private readonly RegisterTestData _data = new();

    private Actor Legal => _data.Legal.AsActor();

    private Objection Receive(DateOnly on, ObjectionPolicy? policy = null, Objection? duplicateOf = null) =>
        Objection.Receive(Guid.NewGuid(), TrackingCode.New(on.Year), ObjectionSecret.Hash("s"), _data.At(LifecycleStage.Published), ["第三条"],
            "第三条增设了许可条件", new ObjectionContact("张三", "13912345678", null, null), duplicateOf, policy ?? ObjectionPolicy.Default,
            TestCalendar.Corpus, on, Now);

    [Fact]
    public void CountsSixtyDaysOverHolidays_GivenReceipt()
    {
        // 08-02 + 60 days = 10-01, inside 国庆 (10-01..10-07): the reply is due on the next working day.
        var objection = Receive(new DateOnly(2024, 8, 2));

        objection.DueDate.Should().Be(new DateOnly(2024, 10, 8));
        objection.HandlingPeriod.Should().Be("60日");
        objection.DueDateEstimated.Should().BeFalse();
        objection.Status.Should().Be(ObjectionStatus.Received);
        objection.Events.Should().ContainSingle().Which.Kind.Should().Be(ObjectionEventKind.Received);
    }

    [Fact]
    public void UsesConfiguredPeriod_GivenWorkingDays()
    {
        var objection = Receive(new DateOnly(2024, 9, 30), new ObjectionPolicy(Period.WorkingDays(3), []));

        objection.DueDate.Should().Be(new DateOnly(2024, 10, 10), "10-08, 10-09, 10-10 after 国庆");
        objection.HandlingPeriod.Should().Be("3个工作日");
    }

    [Fact]
    public void RefusesObjection_GivenUnpublishedDocument()
    {
        var act = () => Objection.Receive(Guid.NewGuid(), "2024-0000-0000", "h", _data.At(LifecycleStage.Registered), [], "理由",
            ObjectionContact.None, null, ObjectionPolicy.Default, TestCalendar.Corpus, RegisterTestData.Today, Now);

        act.Should().Throw<ParticipationConflictException>().Which.Code.Should().Be("document-not-published");
    }

    [Fact]
    public void RunsHandlingInOrder_GivenAcceptedObjection()
    {
        var on = new DateOnly(2024, 9, 6);
        var objection = Receive(on);

        FluentActions.Invoking(() => objection.Reply("答复", on, Legal, Now)).Should().Throw<ParticipationConflictException>()
            .Which.Code.Should().Be("objection-step-not-allowed");
        objection.Accept("材料齐全", on, Legal, Now);
        FluentActions.Invoking(() => objection.Conclude(ObjectionConclusion.NoProblem, "x", on, Legal, Now)).Should().Throw<ParticipationConflictException>();
        objection.StartReview("已函请制定机关说明", on.AddDays(3), Legal, Now);
        FluentActions.Invoking(() => objection.Conclude(ObjectionConclusion.CorrectionRequested, " ", on, Legal, Now))
            .Should().Throw<RegisterValidationException>().Which.Code.Should().Be("text-missing");
        objection.Conclude(ObjectionConclusion.CorrectionRequested, "第三条增设许可条件，无上位法依据", on.AddDays(20), Legal, Now);
        objection.Reply("经审查，已建议制定机关修改第三条。", on.AddDays(21), Legal, Now);

        objection.Status.Should().Be(ObjectionStatus.Replied);
        objection.Outcome.Should().Be(ObjectionOutcome.CorrectionRequested);
        objection.AnsweredWithinDeadline.Should().BeTrue();
        objection.IsOverdueOn(objection.DueDate.AddDays(10)).Should().BeFalse("answered");
        objection.Events.Select(e => e.Kind).Should().Equal(ObjectionEventKind.Received, ObjectionEventKind.Accepted,
            ObjectionEventKind.ReviewStarted, ObjectionEventKind.Concluded, ObjectionEventKind.Replied);
        objection.Events[2].Note.Should().Be("已函请制定机关说明");
        objection.Events[2].Detail.Should().NotContain("函请", "internal notes are not what the submitter reads");
        FluentActions.Invoking(() => objection.Reply("再答复", on, Legal, Now)).Should().Throw<ParticipationConflictException>()
            .Which.Message.Should().Contain("已答复");
    }

    [Fact]
    public void EndsWithReply_GivenDeclinedOrTransferred()
    {
        var on = new DateOnly(2024, 9, 6);
        var declined = Receive(on);
        var transferred = Receive(on);

        FluentActions.Invoking(() => declined.Decline(NonAcceptanceReason.NotNormativeDocument, null, on, Legal, Now))
            .Should().Throw<RegisterValidationException>();
        declined.Decline(NonAcceptanceReason.NotNormativeDocument, "该文件为内部工作方案，不属于行政规范性文件", on, Legal, Now);
        transferred.Transfer(_data.Npc, "属于人大常委会备案审查范围", on, Legal, Now);
        FluentActions.Invoking(() => transferred.Accept(null, on, Legal, Now)).Should().Throw<ParticipationConflictException>();
        declined.Reply("不予受理，理由见上", on, Legal, Now);
        transferred.Reply("已移送县人大常委会法工委办理", on, Legal, Now);

        declined.Outcome.Should().Be(ObjectionOutcome.NotAccepted);
        transferred.Outcome.Should().Be(ObjectionOutcome.Transferred);
        transferred.TransferredToId.Should().Be(_data.Npc.Id);
        transferred.Events[1].Detail.Should().Contain(_data.Npc.Name);
    }

    [Fact]
    public void DerivesOverdue_GivenDay()
    {
        var objection = Receive(new DateOnly(2024, 8, 2));

        objection.IsOverdueOn(new DateOnly(2024, 10, 8)).Should().BeFalse("the due date itself is in time");
        objection.IsOverdueOn(new DateOnly(2024, 10, 9)).Should().BeTrue();
    }

    [Fact]
    public void LinksDuplicate_GivenFirstObjection()
    {
        var first = Receive(new DateOnly(2024, 9, 6));
        var second = Receive(new DateOnly(2024, 9, 7), duplicateOf: first);
        var third = Receive(new DateOnly(2024, 9, 8), duplicateOf: second);

        second.DuplicateOfId.Should().Be(first.Id);
        third.DuplicateOfTrackingCode.Should().Be(first.TrackingCode, "chains collapse onto the first");
    }

    [Fact]
    public void AggregatesWithoutPersonalData_GivenRows()
    {
        var doc = Guid.NewGuid();
        var rows = new[]
        {
            new ObjectionStatisticsRow(doc, "甲", "ATLD00-2024-0001", new DateOnly(2024, 1, 10), new DateOnly(2024, 3, 11), new DateOnly(2024, 1, 20), ObjectionOutcome.NoProblem),
            new ObjectionStatisticsRow(doc, "甲", "ATLD00-2024-0001", new DateOnly(2024, 2, 1), new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 10), ObjectionOutcome.CorrectionRequested),
            new ObjectionStatisticsRow(doc, "甲", "ATLD00-2024-0001", new DateOnly(2024, 5, 1), new DateOnly(2024, 6, 30), null, ObjectionOutcome.Pending),
            new ObjectionStatisticsRow(Guid.NewGuid(), "乙", null, new DateOnly(2025, 1, 2), new DateOnly(2025, 3, 3), new DateOnly(2025, 1, 3), ObjectionOutcome.NotAccepted),
        };

        var years = ObjectionStatistics.ByYear(rows, new DateOnly(2024, 9, 1));
        var documents = ObjectionStatistics.ByDocument(rows, new DateOnly(2024, 9, 1));

        years.Select(y => y.Year).Should().Equal(2024, 2025);
        years[0].Counts.Should().BeEquivalentTo(new { Received = 3, Answered = 2, AnsweredWithinDeadline = 1, Overdue = 1, MedianDaysToReply = 39.5 });
        years[0].Counts.Outcomes[ObjectionOutcome.Pending].Should().Be(1);
        years[0].Counts.Outcomes[ObjectionOutcome.RevocationProposed].Should().Be(0);
        documents[0].Title.Should().Be("甲");
        documents[0].Counts.Received.Should().Be(3);
    }
}
