namespace Filing.Core.Participation;

/// <summary>How the drafting department dealt with a comment (意见采纳情况).</summary>
public enum AnswerOutcome
{
    /// <summary>采纳.</summary>
    Adopted,

    /// <summary>部分采纳 (reason required).</summary>
    PartlyAdopted,

    /// <summary>未采纳 (reason required).</summary>
    NotAdopted,
}
