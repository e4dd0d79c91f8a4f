using Filing.Core.Participation;
using Filing.Core.Register;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Participation;

public class ConsultationTests
{
    private static readonly DateTimeOffset Now = RegisterTestData.Now;
    private readonly RegisterTestData _data = new();

    private Actor Drafter => _data.Drafter.AsActor();

    // 2024-09-09 (Mon) + 7 working days over 中秋 (09-15..17 off, Sat 09-14 worked): 09,10,11,12,13,14,18.
    private (Consultation Consultation, NormativeDocumentRecord Document) Open(DateOnly? start = null, DateOnly? end = null, bool business = false)
    {
        var document = _data.NewDraft();
        var (consultation, _) = Consultation.Open(Guid.NewGuid(), document, start ?? new DateOnly(2024, 9, 9), end ?? new DateOnly(2024, 9, 18), business,
            new PublicCommentPolicy(), TestCalendar.Corpus, RegisterTestData.Today, Drafter, Now);
        return (consultation, document);
    }

    private static ConsultationComment Comment(Consultation c, string text, DateOnly? on = null, ConsultationComment? duplicateOf = null) =>
        c.Submit(Guid.NewGuid(), text, null, CommentSubmitter.Anonymous, duplicateOf, on ?? new DateOnly(2024, 9, 10), Now);

    [Fact]
    public void OpensOnDraft_GivenLongEnoughPeriod()
    {
        var (consultation, document) = Open();

        consultation.EarliestAllowedEnd.Should().Be(new DateOnly(2024, 9, 18));
        consultation.MinimumRule.Should().Be("7个工作日");
        consultation.VersionNumber.Should().Be(1);
        document.Stage.Should().Be(LifecycleStage.InReview);
        document.Steps[^1].Kind.Should().Be(StepKind.PublicCommentOpened);
    }

    [Fact]
    public void RefusesPeriod_GivenStartInPastOrTooShort()
    {
        var past = () => Open(start: new DateOnly(2024, 9, 5), end: new DateOnly(2024, 9, 30));
        var shortOverMidAutumn = () => Open(end: new DateOnly(2024, 9, 17));
        var shortForBusiness = () => Open(end: new DateOnly(2024, 10, 7), business: true);

        past.Should().Throw<RegisterValidationException>().Which.Code.Should().Be("start-in-past");
        shortOverMidAutumn.Should().Throw<RegisterValidationException>().WithMessage("*2024-09-18*");
        shortForBusiness.Should().Throw<RegisterValidationException>().WithMessage("*2024-10-08*", "30 days counting 09-09 end on 10-08");
    }

    [Fact]
    public void CountsStartDay_GivenStartOnHoliday()
    {
        // A period announced on 2024-10-01 (国庆) starts counting on the first working day, 10-08:
        // 08, 09, 10, 11, 12 (Sat, worked), 14, 15.
        var policy = new PublicCommentPolicy();

        policy.EarliestEnd(TestCalendar.Corpus, new DateOnly(2024, 10, 1), false).Date.Should().Be(new DateOnly(2024, 10, 15));
        policy.EarliestEnd(TestCalendar.Corpus, new DateOnly(2024, 9, 30), false).Date.Should().Be(new DateOnly(2024, 10, 14));
        policy.EarliestEnd(TestCalendar.Corpus, new DateOnly(2024, 9, 20), true).Date.Should().Be(new DateOnly(2024, 10, 19), "30 days including 09-20");
    }

    [Fact]
    public void TakesCommentsOnlyWhileOpen_GivenDays()
    {
        var (consultation, _) = Open();

        consultation.StatusOn(new DateOnly(2024, 9, 8)).Should().Be(ConsultationStatus.Scheduled);
        consultation.StatusOn(new DateOnly(2024, 9, 18)).Should().Be(ConsultationStatus.Open);
        consultation.StatusOn(new DateOnly(2024, 9, 19)).Should().Be(ConsultationStatus.Ended);
        FluentActions.Invoking(() => Comment(consultation, "早到的意见", new DateOnly(2024, 9, 8)))
            .Should().Throw<ParticipationConflictException>().Which.Code.Should().Be("consultation-not-started");
        FluentActions.Invoking(() => Comment(consultation, "迟到的意见", new DateOnly(2024, 9, 19)))
            .Should().Throw<ParticipationConflictException>().Which.Message.Should().Contain("2024-09-18");
        Comment(consultation, "第一条意见").Number.Should().Be(1);
        Comment(consultation, "第二条意见", new DateOnly(2024, 9, 18)).Number.Should().Be(2);
        consultation.CommentCount.Should().Be(2);
    }

    [Fact]
    public void ClosesOnlyAfterLastDay_GivenDocument()
    {
        var (consultation, document) = Open();

        var early = () => consultation.Close(document, 0, new DateOnly(2024, 9, 18), Drafter, Now);
        early.Should().Throw<ParticipationConflictException>().Which.Code.Should().Be("consultation-running");

        consultation.Close(document, 0, new DateOnly(2024, 9, 19), Drafter, Now);
        consultation.StatusOn(new DateOnly(2024, 9, 19)).Should().Be(ConsultationStatus.Closed);
        document.CommentPeriodClosedOn.Should().Be(new DateOnly(2024, 9, 19));
        document.Steps[^1].Kind.Should().Be(StepKind.PublicCommentClosed);
        FluentActions.Invoking(() => consultation.Close(document, 0, new DateOnly(2024, 9, 20), Drafter, Now))
            .Should().Throw<ParticipationConflictException>().Which.Code.Should().Be("consultation-already-closed");
    }

    [Fact]
    public void AnswersAfterClosingWithReasons_GivenOutcomes()
    {
        var (consultation, document) = Open();
        var first = Comment(consultation, "建议缩短办理时限");

        FluentActions.Invoking(() => consultation.Answer(Guid.NewGuid(), [first], AnswerOutcome.Adopted, null, Drafter, Now))
            .Should().Throw<ParticipationConflictException>().Which.Code.Should().Be("consultation-not-closed");
        consultation.Close(document, 1, new DateOnly(2024, 9, 19), Drafter, Now);
        FluentActions.Invoking(() => consultation.Answer(Guid.NewGuid(), [first], AnswerOutcome.NotAdopted, " ", Drafter, Now))
            .Should().Throw<RegisterValidationException>().Which.Code.Should().Be("reason-missing");

        var answer = consultation.Answer(Guid.NewGuid(), [first], AnswerOutcome.PartlyAdopted, "已压缩至四个工作日", Drafter, Now);

        first.AnswerId.Should().Be(answer.Id);
        answer.Reason.Should().Be("已压缩至四个工作日");
    }

    [Fact]
    public void PublishesFeedbackOnlyWhenAllAnswered_GivenHiddenAndDuplicateComments()
    {
        var (consultation, document) = Open();
        var original = Comment(consultation, "建议删除第三条第（二）项。");
        var repeat = Comment(consultation, " 建议删除第三条第（二）项 ", duplicateOf: original);
        var spam = Comment(consultation, "广告：低价办证");
        var other = Comment(consultation, "同意");
        consultation.Hide(spam, "广告", Drafter, Now);
        consultation.Close(document, 4, new DateOnly(2024, 9, 19), Drafter, Now);
        var comments = new[] { original, repeat, spam, other };

        repeat.DuplicateOfNumber.Should().Be(1);
        Consultation.Unanswered(comments).Select(c => c.Number).Should().Equal(1, 2, 4);
        var answer = consultation.Answer(Guid.NewGuid(), [original], AnswerOutcome.NotAdopted, "营业执照是法定材料", Drafter, Now);
        Consultation.Unanswered(comments).Select(c => c.Number).Should().Equal([4], "the repeat follows its first comment's answer");
        FluentActions.Invoking(() => consultation.PublishFeedback(document, comments, null, new DateOnly(2024, 9, 20), Drafter, Now))
            .Should().Throw<ParticipationConflictException>().Which.Message.Should().Contain("#4");

        var adopted = consultation.Answer(Guid.NewGuid(), [other], AnswerOutcome.Adopted, null, Drafter, Now);
        consultation.PublishFeedback(document, comments, "共收到意见4条", new DateOnly(2024, 9, 20), Drafter, Now);
        var report = FeedbackReport.Build(consultation, comments, [answer, adopted]);

        report.Should().BeEquivalentTo(new { Received = 4, Hidden = 1, Duplicates = 1, Adopted = 1, PartlyAdopted = 0, NotAdopted = 2, Unanswered = 0 });
        report.Entries.Select(e => e.CommentNumbers).Should().BeEquivalentTo(new[] { new[] { 1, 2 }, new[] { 4 } }, o => o.WithStrictOrdering());
        document.CommentFeedbackPublishedOn.Should().Be(new DateOnly(2024, 9, 20));
        FluentActions.Invoking(() => consultation.Answer(Guid.NewGuid(), [other], AnswerOutcome.NotAdopted, "改变主意", Drafter, Now))
            .Should().Throw<ParticipationConflictException>().Which.Code.Should().Be("feedback-already-published");
    }

    [Fact]
    public void HoldsCollectiveDecision_GivenFeedbackNotPublished()
    {
        var (consultation, document) = Open();
        _data.PassReviews(document);
        document.RecordLegalityReview(StepOutcome.Passed, null, new DateOnly(2024, 9, 19), _data.Legal.AsActor(), Now);
        consultation.Close(document, 0, new DateOnly(2024, 9, 19), Drafter, Now);

        var decide = () => document.RecordCollectiveDecision("县政府常务会议", new DateOnly(2024, 9, 20), new DateOnly(2024, 9, 20), _data.Legal.AsActor(), Now);

        decide.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("public-comment-feedback");
        document.MissingFor(LifecycleStage.Decided).Select(m => m.Code).Should().Contain("public-comment-feedback");
        consultation.PublishFeedback(document, [], "未收到意见", new DateOnly(2024, 9, 20), Drafter, Now);
        decide();
        document.Stage.Should().Be(LifecycleStage.Decided);
    }
}
