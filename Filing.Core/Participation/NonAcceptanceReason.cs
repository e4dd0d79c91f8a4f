namespace Filing.Core.Participation;

/// <summary>Why an objection was not accepted (不予受理).</summary>
public enum NonAcceptanceReason
{
    /// <summary>The document is not a 行政规范性文件 (an internal work document, a 规章, a concrete decision…).</summary>
    NotNormativeDocument,

    /// <summary>The same objection is already being handled or was answered.</summary>
    Duplicate,

    /// <summary>Outside this office's remit and no competent body to transfer it to.</summary>
    OutsideRemit,

    /// <summary>Another reason, stated in the text.</summary>
    Other,
}
