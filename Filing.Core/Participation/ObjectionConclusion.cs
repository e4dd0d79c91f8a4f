namespace Filing.Core.Participation;

/// <summary>What the review of an objection found.</summary>
public enum ObjectionConclusion
{
    /// <summary>未发现问题: the document is lawful as it stands.</summary>
    NoProblem,

    /// <summary>The issuing authority is asked to correct the document (建议制定机关纠正).</summary>
    CorrectionRequested,

    /// <summary>Revocation is proposed (建议撤销).</summary>
    RevocationProposed,
}
