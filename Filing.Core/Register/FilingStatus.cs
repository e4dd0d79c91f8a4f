namespace Filing.Core.Register;

/// <summary>Where a filing (备案) stands with its oversight body. Stored values; never renumber.</summary>
public enum FilingStatus
{
    /// <summary>报送: filed, awaiting the formal check.</summary>
    Submitted = 0,

    /// <summary>退回: the formal check failed; the issuing side resubmits.</summary>
    Returned = 1,

    /// <summary>已接收: formal check passed, under review (有备必审).</summary>
    Received = 2,

    /// <summary>审查无问题: closed.</summary>
    NoIssues = 3,

    /// <summary>要求纠正: stays open until the correction is recorded (有错必纠).</summary>
    CorrectionRequired = 4,

    /// <summary>已纠正: closed.</summary>
    Corrected = 5,

    /// <summary>撤销: the oversight body revoked the document; closed.</summary>
    Revoked = 6,
}
