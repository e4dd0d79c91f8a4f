namespace Filing.Core.Participation;

/// <summary>The outcome of an objection, as counted in the published statistics.</summary>
public enum ObjectionOutcome
{
    /// <summary>Still being handled.</summary>
    Pending,

    /// <summary>Not accepted.</summary>
    NotAccepted,

    /// <summary>Transferred to another body.</summary>
    Transferred,

    /// <summary>Reviewed: no problem found.</summary>
    NoProblem,

    /// <summary>Reviewed: the issuing authority is asked to correct.</summary>
    CorrectionRequested,

    /// <summary>Reviewed: revocation proposed.</summary>
    RevocationProposed,
}
