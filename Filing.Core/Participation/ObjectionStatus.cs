namespace Filing.Core.Participation;

/// <summary>Where a citizen's objection (审查建议) stands in the legal office's handling.</summary>
public enum ObjectionStatus
{
    /// <summary>Received; not yet triaged.</summary>
    Received,

    /// <summary>Accepted for review (受理).</summary>
    Accepted,

    /// <summary>Not accepted (不予受理), with a reason.</summary>
    NotAccepted,

    /// <summary>Transferred to the competent body (移送), e.g. the 人大常委会 filing office.</summary>
    Transferred,

    /// <summary>Under review (审查中).</summary>
    UnderReview,

    /// <summary>Review concluded; the written reply is still to be sent.</summary>
    Concluded,

    /// <summary>The written reply (书面答复) has been given: handling is complete.</summary>
    Replied,
}
