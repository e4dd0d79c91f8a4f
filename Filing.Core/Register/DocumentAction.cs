namespace Filing.Core.Register;

/// <summary>What a caller can try to do to a document.</summary>
public enum DocumentAction
{
    /// <summary>Upload a new draft version.</summary>
    AddVersion,

    /// <summary>Answer a review finding.</summary>
    AnswerFinding,

    /// <summary>Open or waive public comment.</summary>
    PublicComment,

    /// <summary>The drafting department's fair-competition review (初审).</summary>
    FairCompetitionSelfReview,

    /// <summary>The market-regulation bureau's 会同审查.</summary>
    FairCompetitionJointReview,

    /// <summary>Gender-equality assessment.</summary>
    GenderEqualityAssessment,

    /// <summary>Health screening.</summary>
    HealthScreening,

    /// <summary>Legality review.</summary>
    LegalityReview,

    /// <summary>Record the collective decision.</summary>
    CollectiveDecision,

    /// <summary>Register with a unified number.</summary>
    Registration,

    /// <summary>Record publication.</summary>
    Publication,

    /// <summary>Repeal, declare invalid or mark as amended.</summary>
    Termination,
}
