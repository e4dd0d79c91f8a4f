namespace Filing.Core.Register;

/// <summary>A recorded step of the procedure (程序). Values are stored: append only, never renumber.</summary>
public enum StepKind
{
    /// <summary>A draft version was uploaded (起草).</summary>
    DraftUploaded = 0,

    /// <summary>公开征求意见 opened.</summary>
    PublicCommentOpened = 1,

    /// <summary>公开征求意见 not held, with the recorded reason.</summary>
    PublicCommentWaived = 2,

    /// <summary>公平竞争审查: the drafting department's own review (初审).</summary>
    FairCompetitionSelfReview = 3,

    /// <summary>公平竞争审查: 会同审查 by the market-regulation bureau for documents the government issues itself.</summary>
    FairCompetitionJointReview = 4,

    /// <summary>性别平等咨询评估.</summary>
    GenderEqualityAssessment = 5,

    /// <summary>健康影响评价 screening.</summary>
    HealthScreening = 6,

    /// <summary>合法性审核 by the legal office.</summary>
    LegalityReview = 7,

    /// <summary>集体审议决定.</summary>
    CollectiveDecision = 8,

    /// <summary>统一登记 with 统一编号.</summary>
    Registration = 9,

    /// <summary>统一发布.</summary>
    Publication = 10,

    /// <summary>Repealed, declared invalid, amended or revoked.</summary>
    Termination = 11,

    /// <summary>A cleanup campaign decided the document is to be amended (拟修改).</summary>
    AmendmentPlanned = 12,

    /// <summary>The drafter answered a review finding (fixed or explained).</summary>
    FindingAnswered = 13,

    /// <summary>公开征求意见 closed by the drafting department after its last day.</summary>
    PublicCommentClosed = 14,

    /// <summary>意见采纳情况 (the feedback report on the public comments) published.</summary>
    PublicCommentFeedbackPublished = 15,
}
