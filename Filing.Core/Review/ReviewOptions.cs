namespace Filing.Core.Review;

/// <summary>What to review.</summary>
public sealed record ReviewOptions
{
    /// <summary>Steps to run; null or empty runs all of them.</summary>
    public IReadOnlyCollection<ReviewStep>? Steps { get; init; }

    /// <summary>
    /// Whether the input is a whole document, so document-level checks (发文字号, 施行日期, 有效期, 附件, 制定主体) run.
    /// False for a pasted passage.
    /// </summary>
    public bool WholeDocument { get; init; } = true;

    /// <summary>All steps, whole document.</summary>
    public static ReviewOptions Default { get; } = new();
}
