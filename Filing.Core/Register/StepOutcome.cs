namespace Filing.Core.Register;

/// <summary>The outcome of a review step.</summary>
public enum StepOutcome
{
    /// <summary>Nothing to conclude (uploads, decisions, registration, publication).</summary>
    Recorded = 0,

    /// <summary>通过.</summary>
    Passed = 1,

    /// <summary>退回 with opinions: the drafter revises and the step is recorded again.</summary>
    Returned = 2,

    /// <summary>不适用: the document does not touch what the step examines.</summary>
    NotApplicable = 3,
}
