namespace Filing.Core.Register;

/// <summary>How a published document stopped applying before (or instead of) expiring.</summary>
public enum TerminationKind
{
    /// <summary>废止 by the issuing authority.</summary>
    Repealed,

    /// <summary>宣布失效 by the issuing authority (e.g. after a cleanup).</summary>
    DeclaredInvalid,

    /// <summary>修改: replaced by an amended document.</summary>
    Amended,

    /// <summary>撤销 by an oversight body after filing review.</summary>
    Revoked,
}
