namespace Filing.Core.Register;

/// <summary>The oversight body's review opinion on a filed document (备案审查意见).</summary>
public enum FilingOpinion
{
    /// <summary>No problem found.</summary>
    NoProblem,

    /// <summary>The issuing authority must correct the document by a deadline.</summary>
    CorrectionRequired,

    /// <summary>The document is revoked (撤销, e.g. 监督法 art 39).</summary>
    Revocation,
}
