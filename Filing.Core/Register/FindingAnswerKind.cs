namespace Filing.Core.Register;

/// <summary>How the drafter answered a review finding.</summary>
public enum FindingAnswerKind
{
    /// <summary>已修改: fixed in the next version.</summary>
    Fixed,

    /// <summary>已说明: kept, with a written explanation (e.g. an art-12 exception).</summary>
    Explained,
}
