using Filing.Core.Register;
using Filing.Tests.TestSupport;

namespace Filing.Tests.Register;

public class NormativeDocumentRecordTests
{
    private static readonly DateTimeOffset Now = RegisterTestData.Now;
    private static readonly DateOnly Today = RegisterTestData.Today;
    private readonly RegisterTestData _data = new();

    private Actor DrafterActor => _data.Drafter.AsActor();
    private Actor LegalActor => _data.Legal.AsActor();

    private static void ShouldMiss(Action act, params string[] codes)
    {
        var e = act.Should().Throw<LifecycleViolationException>().Which;
        e.Missing.Select(m => m.Code).Should().Equal(codes);
    }

    // ---- drafting ----

    [Fact]
    public void StartsDraft_GivenParsedTitle()
    {
        var doc = _data.NewDraft();

        doc.Title.Should().Be("桐庐县深化法治政府建设实施意见");
        doc.DocumentType.Should().Be("意见");
        doc.DocumentNumber.Should().Be("桐政发〔2018〕47号");
        doc.Stage.Should().Be(LifecycleStage.Drafting);
        doc.StatusOn(Today).Should().Be(DocumentStatus.Draft);
        doc.IssuedByGovernment.Should().BeTrue();
        doc.JurisdictionId.Should().Be(_data.Government.Id);
        doc.Versions.Should().ContainSingle().Which.Number.Should().Be(1);
        doc.Steps.Should().ContainSingle().Which.Kind.Should().Be(StepKind.DraftUploaded);
        doc.IsPublic.Should().BeFalse();
    }

    [Fact]
    public void UsesMetadata_GivenOverrides()
    {
        var doc = NormativeDocumentRecord.StartDraft(Guid.NewGuid(), _data.Government, _data.Department,
            new DraftDetails(Title: "覆盖标题", DocumentType: "办法", BusinessRelated: true), RegisterTestData.Version(), DrafterActor, Now);

        doc.Title.Should().Be("覆盖标题");
        doc.DocumentType.Should().Be("办法");
        doc.BusinessRelated.Should().BeTrue();
    }

    [Fact]
    public void RefusesDraft_GivenNoTitleAnywhere()
    {
        var act = () => _data.NewDraft(version: RegisterTestData.Version(title: "  "));

        act.Should().Throw<RegisterValidationException>().Which.Field.Should().Be("title");
    }

    [Fact]
    public void RefusesDraft_GivenAuthorityWithoutPrefix()
    {
        var act = () => _data.NewDraft(issuer: _data.Department);

        act.Should().Throw<RegisterValidationException>().Which.Code.Should().Be("not-an-issuing-authority");
    }

    // ---- public comment ----

    [Fact]
    public void WaivesPublicComment_GivenReason()
    {
        var doc = _data.NewDraft();

        var step = doc.WaivePublicComment("涉及国家秘密", DrafterActor, Now);

        step.Kind.Should().Be(StepKind.PublicCommentWaived);
        step.Detail.Should().Be("涉及国家秘密");
        doc.Stage.Should().Be(LifecycleStage.InReview);
        doc.CommentWaiverReason.Should().Be("涉及国家秘密");
    }

    [Fact]
    public void RefusesWaiver_GivenBlankReason()
    {
        var act = () => _data.NewDraft().WaivePublicComment(" ", DrafterActor, Now);

        act.Should().Throw<RegisterValidationException>().Which.Field.Should().Be("waiverReason");
    }

    [Fact]
    public void RefusesSecondPublicCommentStep_GivenAlreadyRecorded()
    {
        var doc = _data.At(LifecycleStage.InReview);

        var act = () => doc.WaivePublicComment("again", DrafterActor, Now);

        act.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("already-recorded");
    }

    [Fact]
    public void OpensPublicComment_GivenSevenWorkingDays()
    {
        var doc = _data.NewDraft();

        // 2024-09-23 (Mon) .. 2024-10-08 spans 国庆: working days 23,24,25,26,27,29(Sun make-up),30 = 7
        doc.OpenPublicComment(new DateOnly(2024, 9, 23), new DateOnly(2024, 9, 30), false, new PublicCommentPolicy(), TestCalendar.Corpus, DrafterActor, Now);

        doc.CommentPeriodStart.Should().Be(new DateOnly(2024, 9, 23));
        doc.CommentPeriodEnd.Should().Be(new DateOnly(2024, 9, 30));
        doc.Stage.Should().Be(LifecycleStage.InReview);
    }

    [Fact]
    public void RefusesShortPeriod_GivenFewerThanSevenWorkingDays()
    {
        var doc = _data.NewDraft();

        var act = () => doc.OpenPublicComment(new DateOnly(2024, 9, 30), new DateOnly(2024, 10, 8), false, new PublicCommentPolicy(), TestCalendar.Corpus, DrafterActor, Now);

        var e = act.Should().Throw<RegisterValidationException>().Which;
        e.Code.Should().Be("comment-period-too-short");
        e.Message.Should().Contain("2024-10-14"); // 09-30, 10-08..10-12 (Sat make-up), 10-14
        doc.Stage.Should().Be(LifecycleStage.Drafting);
    }

    [Fact]
    public void RequiresThirtyDays_GivenBusinessRelatedDocument()
    {
        var doc = _data.NewDraft();

        var act = () => doc.OpenPublicComment(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 29), true, new PublicCommentPolicy(), TestCalendar.Corpus, DrafterActor, Now);

        act.Should().Throw<RegisterValidationException>().WithMessage("*2024-03-30*");
        doc.OpenPublicComment(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 30), true, new PublicCommentPolicy(), TestCalendar.Corpus, DrafterActor, Now);
        doc.BusinessRelated.Should().BeTrue();
    }

    // ---- fair competition ----

    [Fact]
    public void RefusesFairCompetitionReview_GivenNoPublicCommentStep()
    {
        var doc = _data.NewDraft();

        ShouldMiss(() => doc.RecordFairCompetitionSelfReview(StepOutcome.Passed, null, DrafterActor, Now), "public-comment");
    }

    [Fact]
    public void RecordsSelfReview_GivenPublicCommentRecorded()
    {
        var doc = _data.At(LifecycleStage.InReview);

        var step = doc.RecordFairCompetitionSelfReview(StepOutcome.Passed, "无限制竞争内容", DrafterActor, Now);

        step.Should().BeEquivalentTo(new { Kind = StepKind.FairCompetitionSelfReview, Outcome = StepOutcome.Passed, Opinion = "无限制竞争内容", VersionNumber = 1 });
        doc.FairCompetitionComplete.Should().BeFalse("a government document also needs 会同审查");
    }

    [Fact]
    public void RefusesJointReview_GivenSelfReviewMissingOrReturned()
    {
        var doc = _data.At(LifecycleStage.InReview);
        ShouldMiss(() => doc.RecordFairCompetitionJointReview(StepOutcome.Passed, null, _data.Market.AsActor(), Now), "fair-competition-self-review-passed");

        doc.RecordFairCompetitionSelfReview(StepOutcome.Returned, "第五条限定本地企业", DrafterActor, Now);
        ShouldMiss(() => doc.RecordFairCompetitionJointReview(StepOutcome.Passed, null, _data.Market.AsActor(), Now), "fair-competition-self-review-passed");
    }

    [Fact]
    public void RefusesJointReview_GivenDepartmentIssuedDocument()
    {
        var doc = _data.At(LifecycleStage.InReview, issuer: _data.IssuingDepartment);
        doc.RecordFairCompetitionSelfReview(StepOutcome.Passed, null, DrafterActor, Now);

        var act = () => doc.RecordFairCompetitionJointReview(StepOutcome.Passed, null, _data.Market.AsActor(), Now);

        act.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("joint-review-not-required");
        doc.FairCompetitionComplete.Should().BeTrue();
    }

    [Fact]
    public void CompletesFairCompetition_GivenSelfNotApplicable()
    {
        var doc = _data.At(LifecycleStage.InReview);

        doc.RecordFairCompetitionSelfReview(StepOutcome.NotApplicable, "不涉及经营者经济活动", DrafterActor, Now);

        doc.FairCompetitionComplete.Should().BeTrue();
    }

    [Fact]
    public void NeedsJointReviewAgain_GivenNewSelfReviewAfterIt()
    {
        var doc = _data.At(LifecycleStage.InReview);
        doc.RecordFairCompetitionSelfReview(StepOutcome.Passed, null, DrafterActor, Now);
        doc.RecordFairCompetitionJointReview(StepOutcome.Passed, null, _data.Market.AsActor(), Now);
        doc.FairCompetitionComplete.Should().BeTrue();

        doc.RecordFairCompetitionSelfReview(StepOutcome.Passed, "修改后重新初审", DrafterActor, Now);

        doc.FairCompetitionComplete.Should().BeFalse();
        doc.MissingFor(LifecycleStage.Approved).Select(m => m.Code).Should().Contain("fair-competition-joint-review");
    }

    [Fact]
    public void RejectsRecordedOutcome_GivenReviewStep()
    {
        var doc = _data.At(LifecycleStage.InReview);

        var act = () => doc.RecordFairCompetitionSelfReview(StepOutcome.Recorded, null, DrafterActor, Now);

        act.Should().Throw<RegisterValidationException>().Which.Field.Should().Be("outcome");
    }

    // ---- assessments ----

    [Fact]
    public void RefusesAssessments_GivenFairCompetitionIncomplete()
    {
        var doc = _data.At(LifecycleStage.InReview);

        ShouldMiss(() => doc.RecordGenderEqualityAssessment(StepOutcome.Passed, null, _data.Women.AsActor(), Now), "fair-competition-self-review");
        doc.RecordFairCompetitionSelfReview(StepOutcome.Passed, null, DrafterActor, Now);
        ShouldMiss(() => doc.RecordHealthScreening(StepOutcome.NotApplicable, null, DrafterActor, Now), "fair-competition-joint-review");
    }

    [Fact]
    public void RecordsAssessments_GivenFairCompetitionComplete()
    {
        var doc = _data.At(LifecycleStage.InReview);
        doc.RecordFairCompetitionSelfReview(StepOutcome.NotApplicable, null, DrafterActor, Now);

        doc.RecordGenderEqualityAssessment(StepOutcome.Returned, "第三条限男性", _data.Women.AsActor(), Now);
        doc.RecordHealthScreening(StepOutcome.NotApplicable, "不涉及健康决定因素", _data.Health.AsActor(), Now);

        doc.MissingFor(LifecycleStage.Approved).Select(m => m.Code).Should().Equal("gender-equality-assessment", "legality-review");
    }

    // ---- legality review ----

    [Fact]
    public void RefusesLegalityReview_GivenEveryEarlierStepMissing()
    {
        var doc = _data.NewDraft();

        ShouldMiss(() => doc.RecordLegalityReview(StepOutcome.Passed, null, Today, LegalActor, Now),
            "public-comment", "fair-competition-self-review", "gender-equality-assessment", "health-screening");
    }

    [Fact]
    public void RefusesNotApplicable_GivenLegalityReview()
    {
        var doc = _data.At(LifecycleStage.InReview);
        _data.PassReviews(doc);

        var act = () => doc.RecordLegalityReview(StepOutcome.NotApplicable, null, Today, LegalActor, Now);

        act.Should().Throw<RegisterValidationException>().Which.Code.Should().Be("legality-review-required");
    }

    [Fact]
    public void PassesLegalityReview_GivenReviewsComplete()
    {
        var doc = _data.At(LifecycleStage.InReview);
        _data.PassReviews(doc);

        doc.RecordLegalityReview(StepOutcome.Passed, "同意提交集体审议", Today, LegalActor, Now);

        doc.Stage.Should().Be(LifecycleStage.Approved);
        doc.LegalityPassedVersion.Should().Be(1);
        doc.LegalityPassedOn.Should().Be(Today);
        doc.StatusOn(Today).Should().Be(DocumentStatus.Approved);
    }

    [Fact]
    public void ReturnsLegalityReview_GivenOpinion()
    {
        var doc = _data.At(LifecycleStage.InReview);
        _data.PassReviews(doc);

        var step = doc.RecordLegalityReview(StepOutcome.Returned, "第三条设定罚款，须删除", Today, LegalActor, Now);

        step.Outcome.Should().Be(StepOutcome.Returned);
        doc.Stage.Should().Be(LifecycleStage.InReview);
    }

    [Fact]
    public void BlocksPassing_GivenUnansweredErrorFinding()
    {
        var doc = _data.NewDraft(version: RegisterTestData.Version(findings: [RegisterTestData.ErrorFinding(), RegisterTestData.WarningFinding()]));
        doc.WaivePublicComment("内部事项", DrafterActor, Now);
        _data.PassReviews(doc);

        ShouldMiss(() => doc.RecordLegalityReview(StepOutcome.Passed, null, Today, LegalActor, Now), "unanswered-error-findings");
        doc.RecordLegalityReview(StepOutcome.Returned, "请答复审查意见", Today, LegalActor, Now); // returning is always possible

        var error = doc.CurrentVersion.Findings.Single(f => f.Severity == Core.Review.Severity.Error);
        doc.AnswerFinding(error.Id, FindingAnswerKind.Explained, "依据上位法第十条，已说明", DrafterActor, Now);

        doc.RecordLegalityReview(StepOutcome.Passed, null, Today, LegalActor, Now);
        doc.Stage.Should().Be(LifecycleStage.Approved);
        doc.Steps.Select(s => s.Kind).Should().Contain(StepKind.FindingAnswered);
    }

    [Fact]
    public void RefusesSecondPass_GivenAlreadyPassedOnCurrentVersion()
    {
        var doc = _data.At(LifecycleStage.Approved);

        var act = () => doc.RecordLegalityReview(StepOutcome.Passed, null, Today, LegalActor, Now);

        act.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("already-passed");
    }

    [Fact]
    public void ClosesReviews_GivenLegalityPassed()
    {
        var doc = _data.At(LifecycleStage.Approved);

        var act = () => doc.RecordGenderEqualityAssessment(StepOutcome.Passed, null, DrafterActor, Now);

        act.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("reviews-closed");
    }

    [Fact]
    public void StartsLegalityClock_GivenEveryEarlierReviewComplete()
    {
        var doc = _data.At(LifecycleStage.InReview);
        doc.RecordFairCompetitionSelfReview(StepOutcome.Passed, null, DrafterActor, Now);
        doc.RecordFairCompetitionJointReview(StepOutcome.Passed, null, _data.Market.AsActor(), Now);
        doc.RecordGenderEqualityAssessment(StepOutcome.NotApplicable, null, DrafterActor, Now);
        doc.LegalityReviewRequestedOn.Should().BeNull("the health screening is still missing");

        doc.RecordHealthScreening(StepOutcome.NotApplicable, null, DrafterActor, Now.AddDays(1));

        doc.LegalityReviewRequestedOn.Should().Be(Today.AddDays(1));
    }

    [Fact]
    public void StopsAndRestartsLegalityClock_GivenReturnAndDrafterResponse()
    {
        var doc = _data.NewDraft(version: RegisterTestData.Version(findings: RegisterTestData.ErrorFinding()));
        doc.WaivePublicComment("内部事项", DrafterActor, Now);
        _data.PassReviews(doc);
        doc.LegalityReviewRequestedOn.Should().Be(Today);

        doc.RecordLegalityReview(StepOutcome.Returned, "请答复", Today, LegalActor, Now);
        doc.LegalityReviewRequestedOn.Should().BeNull("the draft is back with the drafter");

        doc.AnswerFinding(doc.CurrentVersion.Findings[0].Id, FindingAnswerKind.Explained, "已说明", DrafterActor, Now.AddDays(3));
        doc.LegalityReviewRequestedOn.Should().Be(Today.AddDays(3));

        doc.AddVersion(RegisterTestData.Version(), null, DrafterActor, Now.AddDays(5));
        doc.LegalityReviewRequestedOn.Should().Be(Today.AddDays(5), "a new text restarts the clock");
    }

    [Fact]
    public void CountsChinaDate_GivenLateEveningUtc()
    {
        var doc = _data.At(LifecycleStage.InReview);
        var lateUtc = new DateTimeOffset(2024, 9, 6, 17, 30, 0, TimeSpan.Zero); // 01:30 on 09-07 in Beijing

        doc.RecordFairCompetitionSelfReview(StepOutcome.NotApplicable, null, DrafterActor, Now);
        doc.RecordGenderEqualityAssessment(StepOutcome.NotApplicable, null, DrafterActor, Now);
        doc.RecordHealthScreening(StepOutcome.Passed, null, DrafterActor, lateUtc);

        doc.LegalityReviewRequestedOn.Should().Be(Today.AddDays(1), "17:30 UTC is already the next day in China");
    }

    // ---- answers and versions ----

    [Fact]
    public void RequiresExplanation_GivenExplainedAnswer()
    {
        var doc = _data.NewDraft(version: RegisterTestData.Version(findings: RegisterTestData.ErrorFinding()));
        var finding = doc.CurrentVersion.Findings.Single();

        var act = () => doc.AnswerFinding(finding.Id, FindingAnswerKind.Explained, "", DrafterActor, Now);

        act.Should().Throw<RegisterValidationException>().Which.Field.Should().Be("note");
        doc.AnswerFinding(finding.Id, FindingAnswerKind.Fixed, null, DrafterActor, Now).Blocks.Should().BeFalse();
    }

    [Fact]
    public void RefusesAnswer_GivenFindingOfOlderVersionOrUnknown()
    {
        var doc = _data.NewDraft(version: RegisterTestData.Version(findings: RegisterTestData.ErrorFinding()));
        var old = doc.CurrentVersion.Findings.Single();
        doc.AddVersion(RegisterTestData.Version(), null, DrafterActor, Now);

        var act = () => doc.AnswerFinding(old.Id, FindingAnswerKind.Fixed, null, DrafterActor, Now);
        act.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("older-version");

        var unknown = () => doc.AnswerFinding(Guid.NewGuid(), FindingAnswerKind.Fixed, null, DrafterActor, Now);
        unknown.Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void ReopensLegalityReview_GivenNewVersionAfterPassing()
    {
        var doc = _data.At(LifecycleStage.Approved);

        var version = doc.AddVersion(RegisterTestData.Version("桐庐县深化法治政府建设实施意见（修改稿）"), null, DrafterActor, Now);

        version.Number.Should().Be(2);
        doc.Title.Should().Be("桐庐县深化法治政府建设实施意见（修改稿）");
        doc.Stage.Should().Be(LifecycleStage.InReview);
        ShouldMiss(() => doc.RecordCollectiveDecision("常务会议", Today, Today, LegalActor, Now), "legality-review");
        doc.RecordLegalityReview(StepOutcome.Passed, null, Today, LegalActor, Now);
        doc.LegalityPassedVersion.Should().Be(2);
    }

    [Fact]
    public void KeepsExplicitTitle_GivenNewVersionWithOverride()
    {
        var doc = _data.NewDraft();

        doc.AddVersion(RegisterTestData.Version("读出的标题"), new DraftDetails(Title: "明确的标题"), DrafterActor, Now);

        doc.Title.Should().Be("明确的标题");
    }

    [Fact]
    public void RefusesNewVersion_GivenDecided()
    {
        var doc = _data.At(LifecycleStage.Decided);

        var act = () => doc.AddVersion(RegisterTestData.Version(), null, DrafterActor, Now);

        act.Should().Throw<LifecycleViolationException>().Which.Step.Should().Be("versions");
    }

    [Theory]
    [InlineData("桐政发〔2018〕47号")]
    [InlineData("桐政发[2018]47号")]
    [InlineData(" 桐政发 〔2018〕 47 号 ")]
    [InlineData("桐政发［２０１８］第０４７号")]
    public void KeysDocumentNumberCanonically_GivenAnyUsualSpelling(string written)
    {
        var doc = NormativeDocumentRecord.StartDraft(Guid.NewGuid(), _data.Government, _data.Department,
            new DraftDetails(DocumentNumber: written), RegisterTestData.Version(), DrafterActor, Now);

        doc.DocumentNumber.Should().Be("桐政发〔2018〕47号", "a 发文字号 is stored in canonical form, as registration stores it");
        doc.DocumentNumberKey.Should().Be("桐政发〔2018〕47号");
    }

    [Theory]
    [InlineData("待定", "待定")]
    [InlineData(" 桐政发〔〕号 ", "桐政发〔〕号")]
    public void KeepsProvisionalNumberAsTyped_GivenTextThatIsNoDocumentNumber(string written, string kept)
    {
        var doc = NormativeDocumentRecord.StartDraft(Guid.NewGuid(), _data.Government, _data.Department,
            new DraftDetails(DocumentNumber: written), RegisterTestData.Version(), DrafterActor, Now);

        doc.DocumentNumber.Should().Be(kept, "a draft's number may still be provisional");
    }

    [Fact]
    public void MovesKeyWithNumber_GivenNewVersionWithAnotherNumber()
    {
        var doc = _data.NewDraft();

        doc.AddVersion(RegisterTestData.Version(), new DraftDetails(DocumentNumber: "桐政发[2024]3号"), DrafterActor, Now);

        doc.DocumentNumber.Should().Be("桐政发〔2024〕3号");
        doc.DocumentNumberKey.Should().Be("桐政发〔2024〕3号");
    }

    [Fact]
    public void HasNoKey_GivenNoDocumentNumber()
    {
        var version = new NewVersion("draft.docx", new string('a', 64), 1234,
            new ParsedSummary("桐庐县深化法治政府建设实施意见", "意见", null, null, null, 0), ReviewOutcome.Completed([]));

        var doc = _data.NewDraft(version: version);

        doc.DocumentNumber.Should().BeNull();
        doc.DocumentNumberKey.Should().BeNull();
    }

    [Fact]
    public void KeepsNumberAndKey_GivenNewVersionRefusedAfterRegistration()
    {
        var doc = _data.At(LifecycleStage.Registered);

        var act = () => doc.AddVersion(RegisterTestData.Version(), new DraftDetails(DocumentNumber: "桐政发〔2024〕99号"), DrafterActor, Now);

        act.Should().Throw<LifecycleViolationException>().Which.Step.Should().Be("versions");
        doc.DocumentNumber.Should().Be("桐政发〔2018〕47号", "a registered document's 发文字号 cannot change, so it cannot come to collide");
        doc.DocumentNumberKey.Should().Be("桐政发〔2018〕47号");
    }

    // ---- collective decision ----

    [Fact]
    public void RefusesDecision_GivenLegalityReviewSkipped()
    {
        var doc = _data.At(LifecycleStage.InReview);
        _data.PassReviews(doc);

        var e = FluentActions.Invoking(() => doc.RecordCollectiveDecision("县政府常务会议", Today, Today, LegalActor, Now))
            .Should().Throw<LifecycleViolationException>().Which;

        e.Step.Should().Be("collective-decision");
        e.Missing.Select(m => m.Code).Should().Equal("legality-review");
        e.Message.Should().Contain("合法性审核");
    }

    [Fact]
    public void RecordsDecision_GivenLegalityPassed()
    {
        var doc = _data.At(LifecycleStage.Approved);

        doc.RecordCollectiveDecision("县政府第12次常务会议", Today, Today, LegalActor, Now);

        doc.Stage.Should().Be(LifecycleStage.Decided);
        doc.DecisionMeeting.Should().Be("县政府第12次常务会议");
        doc.DecidedOn.Should().Be(Today);
    }

    [Theory]
    [InlineData(-1, "date-before-legality-review")]
    [InlineData(1, "date-in-future")]
    public void RefusesDecisionDate_GivenOutOfRange(int offsetDays, string code)
    {
        var doc = _data.At(LifecycleStage.Approved);

        var act = () => doc.RecordCollectiveDecision("会议", Today.AddDays(offsetDays), Today, LegalActor, Now);

        act.Should().Throw<RegisterValidationException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void RefusesDecision_GivenCommentPeriodStillOpen()
    {
        var doc = _data.NewDraft();
        doc.OpenPublicComment(new DateOnly(2024, 9, 2), new DateOnly(2024, 9, 10), false, new PublicCommentPolicy(), TestCalendar.Corpus, DrafterActor, Now);
        _data.PassReviews(doc);
        doc.RecordLegalityReview(StepOutcome.Passed, null, Today, LegalActor, Now);

        var act = () => doc.RecordCollectiveDecision("会议", Today, Today, LegalActor, Now);
        act.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("comment-period-open");

        // After the period: closed, and its feedback report (意见采纳情况) published, before the decision.
        var early = () => doc.RecordCollectiveDecision("会议", new DateOnly(2024, 9, 11), new DateOnly(2024, 9, 11), LegalActor, Now);
        early.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("public-comment-feedback");
        doc.ClosePublicComment(new DateOnly(2024, 9, 11), 0, DrafterActor, Now);
        doc.RecordPublicCommentFeedback(new DateOnly(2024, 9, 11), 0, DrafterActor, Now);
        doc.RecordCollectiveDecision("会议", new DateOnly(2024, 9, 11), new DateOnly(2024, 9, 11), LegalActor, Now);
        doc.Stage.Should().Be(LifecycleStage.Decided);
    }

    [Fact]
    public void RefusesSecondDecision_GivenAlreadyDecided()
    {
        var doc = _data.At(LifecycleStage.Decided);

        var act = () => doc.RecordCollectiveDecision("会议", Today, Today, LegalActor, Now);

        act.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("already-decided");
    }

    // ---- registration ----

    [Fact]
    public void RefusesRegistration_GivenNoDecision()
    {
        var doc = _data.At(LifecycleStage.Approved);

        ShouldMiss(doc.EnsureCanRegister, "collective-decision");
        ShouldMiss(() => _data.At(LifecycleStage.InReview).EnsureCanRegister(),
            "fair-competition-self-review", "gender-equality-assessment", "health-screening", "legality-review", "collective-decision");
    }

    [Fact]
    public void Registers_GivenDecision()
    {
        var doc = _data.At(LifecycleStage.Decided);

        doc.Register(UnifiedNumber.Create("ATLD00", 2024, 7), LegalActor, Now);

        doc.UnifiedNumber.Should().Be("ATLD00-2024-0007");
        doc.Stage.Should().Be(LifecycleStage.Registered);
        doc.Steps[^1].Detail.Should().Be("ATLD00-2024-0007");
    }

    [Fact]
    public void CorrectsDocumentNumberAndNotesIt_GivenNumberAtRegistration()
    {
        var doc = _data.At(LifecycleStage.Decided);
        var stamp = doc.ConcurrencyStamp;

        var step = doc.Register(UnifiedNumber.Create("ATLD00", 2024, 7), LegalActor, Now, "桐政发[2026] 第05号");

        doc.DocumentNumber.Should().Be("桐政发〔2026〕5号", "the number is stored in its canonical form");
        doc.DocumentNumberKey.Should().Be("桐政发〔2026〕5号");
        doc.UnifiedNumber.Should().Be("ATLD00-2024-0007");
        step.Kind.Should().Be(StepKind.Registration);
        step.Detail.Should().Be("ATLD00-2024-0007");
        step.Opinion.Should().Be("发文字号更正为桐政发〔2026〕5号（原为桐政发〔2018〕47号）");
        doc.ConcurrencyStamp.Should().BeGreaterThan(stamp);
    }

    [Fact]
    public void SetsDocumentNumber_GivenNumberAtRegistrationOfDocumentWithout()
    {
        var withoutNumber = new NewVersion("draft.docx", new string('a', 64), 1234,
            new ParsedSummary("桐庐县深化法治政府建设实施意见", "意见", null, null, null, 0), ReviewOutcome.Completed([]));
        var doc = _data.At(LifecycleStage.Decided, version: withoutNumber);
        doc.DocumentNumber.Should().BeNull();

        var step = doc.Register(UnifiedNumber.Create("ATLD00", 2024, 8), LegalActor, Now, "桐政发〔2026〕9号");

        doc.DocumentNumber.Should().Be("桐政发〔2026〕9号");
        doc.DocumentNumberKey.Should().Be("桐政发〔2026〕9号");
        step.Opinion.Should().Be("发文字号定为桐政发〔2026〕9号");
    }

    [Fact]
    public void KeepsDocumentNumberWithoutNote_GivenNoNumberOrTheSameAtRegistration()
    {
        var kept = _data.At(LifecycleStage.Decided);
        var same = _data.At(LifecycleStage.Decided);

        kept.Register(UnifiedNumber.Create("ATLD00", 2024, 1), LegalActor, Now).Opinion.Should().BeNull();
        same.Register(UnifiedNumber.Create("ATLD00", 2024, 2), LegalActor, Now, " 桐政发〔2018〕47号 ").Opinion.Should().BeNull();

        kept.DocumentNumber.Should().Be("桐政发〔2018〕47号");
        same.DocumentNumber.Should().Be("桐政发〔2018〕47号");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("桐政发")]
    [InlineData("桐政发〔2026〕")]
    [InlineData("第五号")]
    public void RefusesRegistrationAndChangesNothing_GivenInvalidNumber(string number)
    {
        var doc = _data.At(LifecycleStage.Decided);
        var steps = doc.Steps.Count;

        var act = () => doc.Register(UnifiedNumber.Create("ATLD00", 2024, 3), LegalActor, Now, number);

        var e = act.Should().Throw<RegisterValidationException>().Which;
        e.Field.Should().Be("documentNumber");
        e.Code.Should().Be("document-number-invalid");
        doc.DocumentNumber.Should().Be("桐政发〔2018〕47号");
        doc.DocumentNumberKey.Should().Be("桐政发〔2018〕47号");
        doc.UnifiedNumber.Should().BeNull();
        doc.Stage.Should().Be(LifecycleStage.Decided);
        doc.Steps.Should().HaveCount(steps);
    }

    [Fact]
    public void TellsNumberBeforeRegistering_GivenCorrection()
    {
        var doc = _data.At(LifecycleStage.Decided);

        doc.DocumentNumberOnRegistration(null).Should().Be("桐政发〔2018〕47号");
        doc.DocumentNumberOnRegistration("桐政发（2026）０１２").Should().Be("桐政发〔2026〕12号");
        doc.DocumentNumber.Should().Be("桐政发〔2018〕47号", "asking changes nothing");
        NormativeDocumentRecord.DocumentNumberKeyOf("桐政发[2026]12号").Should().Be("桐政发〔2026〕12号");
    }

    [Fact]
    public void RefusesSecondRegistration_GivenNumberAssigned()
    {
        var doc = _data.At(LifecycleStage.Registered);

        var act = () => doc.Register(UnifiedNumber.Create("ATLD00", 2024, 2), LegalActor, Now);

        act.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("already-registered");
        doc.UnifiedNumber.Should().Be("ATLD00-2024-0001");
    }

    // ---- publication and filings ----

    [Fact]
    public void RefusesPublication_GivenNoNumber()
    {
        var doc = _data.At(LifecycleStage.Decided);

        ShouldMiss(() => doc.Publish(new Publication(Today, "网站"), _data.Routes, TestCalendar.Corpus, Today, LegalActor, Now), "registration");
    }

    [Fact]
    public void OpensFilingsWithDueDates_GivenPublication()
    {
        var doc = _data.At(LifecycleStage.Registered);

        var filings = doc.Publish(new Publication(Today, "桐庐县人民政府网站", "政策解读：……"), _data.Routes, TestCalendar.Corpus, Today, LegalActor, Now);

        doc.Stage.Should().Be(LifecycleStage.Published);
        doc.PublishedOn.Should().Be(Today);
        doc.EffectiveDate.Should().Be(Today);
        doc.PolicyInterpretation.Should().Be("政策解读：……");
        doc.StatusOn(Today).Should().Be(DocumentStatus.InForce);
        filings.Should().HaveCount(2);
        var npc = filings.Single(f => f.RecipientId == _data.Npc.Id);
        npc.DueDate.Should().Be(new DateOnly(2024, 10, 8), "30 days after 09-06 is 10-06, inside 国庆; the next working day is 10-08");
        npc.DueDateEstimated.Should().BeFalse();
        npc.Status.Should().Be(FilingStatus.Submitted);
        npc.SubmittedOn.Should().Be(Today);
        npc.UnifiedNumber.Should().Be("ATLD00-2024-0001");
        filings.Single(f => f.RecipientId == _data.Party.Id).DueDate.Should().Be(new DateOnly(2024, 10, 11), "20 working days");
    }

    [Theory]
    [InlineData(1, null, null, "date-in-future")]
    [InlineData(-1, null, null, "date-before-decision")]
    [InlineData(0, -1, null, "effective-before-publication")]
    [InlineData(0, 10, 5, "valid-until-before-effective")]
    public void RefusesPublication_GivenBadDates(int dateOffset, int? effectiveOffset, int? validOffset, string code)
    {
        var doc = _data.At(LifecycleStage.Registered);
        var publication = new Publication(Today.AddDays(dateOffset), "网站", null,
            effectiveOffset is { } e ? Today.AddDays(e) : null, validOffset is { } v ? Today.AddDays(v) : null);

        var act = () => doc.Publish(publication, _data.Routes, TestCalendar.Corpus, Today, LegalActor, Now);

        act.Should().Throw<RegisterValidationException>().Which.Code.Should().Be(code);
        doc.Stage.Should().Be(LifecycleStage.Registered);
    }

    [Fact]
    public void EffectiveFromPublication_GivenStatedDateBeforeIt()
    {
        var doc = NormativeDocumentRecord.StartDraft(Guid.NewGuid(), _data.Government, _data.Department,
            new DraftDetails(EffectiveDate: Today.AddDays(-5)), RegisterTestData.Version(), DrafterActor, Now);
        doc.WaivePublicComment("内部事项", DrafterActor, Now);
        _data.PassReviews(doc);
        doc.RecordLegalityReview(StepOutcome.Passed, null, Today, LegalActor, Now);
        doc.RecordCollectiveDecision("会议", Today, Today, LegalActor, Now);
        doc.Register(UnifiedNumber.Create("ATLD00", 2024, 9), LegalActor, Now);

        doc.Publish(new Publication(Today, "网站"), [], TestCalendar.Corpus, Today, LegalActor, Now);

        doc.EffectiveDate.Should().Be(Today, "自印发之日起施行 reads as the 成文日期, but nothing applies before publication");
    }

    [Fact]
    public void RefusesSecondPublication_GivenPublished()
    {
        var doc = _data.At(LifecycleStage.Published);

        var act = () => doc.Publish(new Publication(Today, "网站"), _data.Routes, TestCalendar.Corpus, Today, LegalActor, Now);

        act.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("already-published");
    }

    // ---- validity and end ----

    [Fact]
    public void DerivesStatusFromDates_GivenValidityPeriod()
    {
        var doc = _data.At(LifecycleStage.Registered);
        doc.Publish(new Publication(Today, "网站", null, new DateOnly(2024, 10, 8), new DateOnly(2026, 10, 7)), [], TestCalendar.Corpus, Today, LegalActor, Now);

        doc.StatusOn(Today).Should().Be(DocumentStatus.NotYetInForce);
        doc.StatusOn(new DateOnly(2024, 10, 8)).Should().Be(DocumentStatus.InForce);
        doc.StatusOn(new DateOnly(2026, 10, 7)).Should().Be(DocumentStatus.InForce, "the last day of validity still counts");
        doc.StatusOn(new DateOnly(2026, 10, 8)).Should().Be(DocumentStatus.Expired);
    }

    [Fact]
    public void StaysInForce_GivenNoValidityPeriod()
    {
        var doc = _data.At(LifecycleStage.Published);

        doc.ValidUntil.Should().BeNull();
        doc.StatusOn(new DateOnly(2099, 1, 1)).Should().Be(DocumentStatus.InForce);
    }

    [Theory]
    [InlineData(TerminationKind.Repealed, DocumentStatus.Repealed)]
    [InlineData(TerminationKind.DeclaredInvalid, DocumentStatus.DeclaredInvalid)]
    [InlineData(TerminationKind.Revoked, DocumentStatus.Revoked)]
    public void Terminates_GivenPublishedDocument(TerminationKind kind, DocumentStatus expected)
    {
        var doc = _data.At(LifecycleStage.Published);

        doc.Terminate(kind, Today.AddDays(10), "清理", null, LegalActor, Now);

        doc.Stage.Should().Be(LifecycleStage.Terminated);
        doc.StatusOn(Today).Should().Be(DocumentStatus.InForce, "a repeal can take effect later");
        doc.StatusOn(Today.AddDays(10)).Should().Be(expected);
        doc.IsPublic.Should().BeTrue();
    }

    [Fact]
    public void RequiresReplacement_GivenAmendment()
    {
        var doc = _data.At(LifecycleStage.Published);
        var act = () => doc.Terminate(TerminationKind.Amended, Today, null, null, LegalActor, Now);
        act.Should().Throw<RegisterValidationException>().Which.Field.Should().Be("replacedBy");

        var replacement = Guid.NewGuid();
        doc.Terminate(TerminationKind.Amended, Today, "修订", replacement, LegalActor, Now);
        doc.ReplacedById.Should().Be(replacement);
        doc.StatusOn(Today).Should().Be(DocumentStatus.Amended);
    }

    [Fact]
    public void RefusesRepeal_GivenUnpublishedOrEnded()
    {
        ShouldMiss(() => _data.At(LifecycleStage.Registered).Terminate(TerminationKind.Repealed, Today, null, null, LegalActor, Now), "publication");

        var ended = _data.At(LifecycleStage.Terminated);
        var act = () => ended.Terminate(TerminationKind.Repealed, Today, null, null, LegalActor, Now);
        act.Should().Throw<LifecycleViolationException>().Which.Missing.Single().Code.Should().Be("already-ended");

        var early = () => _data.At(LifecycleStage.Published).Terminate(TerminationKind.Repealed, Today.AddDays(-1), null, null, LegalActor, Now);
        early.Should().Throw<RegisterValidationException>().Which.Code.Should().Be("date-before-publication");
    }

    [Fact]
    public void PlansAmendment_GivenPublishedDocument()
    {
        var doc = _data.At(LifecycleStage.Published);

        doc.PlanAmendment("与新修订的上位法不一致", LegalActor, Now);

        doc.AmendmentPlanned.Should().BeTrue();
        doc.StatusOn(Today).Should().Be(DocumentStatus.InForce);
    }

    [Fact]
    public void NumbersStepsInOrder_GivenFullProcedure()
    {
        var doc = _data.At(LifecycleStage.Published);

        doc.Steps.Select(s => s.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        doc.Steps.Select(s => s.Kind).Should().Equal(
            StepKind.DraftUploaded, StepKind.PublicCommentWaived, StepKind.FairCompetitionSelfReview, StepKind.FairCompetitionJointReview,
            StepKind.GenderEqualityAssessment, StepKind.HealthScreening, StepKind.LegalityReview, StepKind.CollectiveDecision,
            StepKind.Registration, StepKind.Publication);
        doc.ConcurrencyStamp.Should().Be(doc.Steps.Count);
    }
}
