namespace Filing.Core.Register;

/// <summary>
/// A document's status as read on a given day. Derived, never stored: expiry follows from the validity period the
/// moment it passes, without any timer.
/// </summary>
public enum DocumentStatus
{
    /// <summary>起草中: uploaded, public comment not yet decided.</summary>
    Draft,

    /// <summary>审查中: public comment opened or waived, reviews under way.</summary>
    InReview,

    /// <summary>合法性审核通过, awaiting collective decision.</summary>
    Approved,

    /// <summary>集体审议通过, awaiting registration.</summary>
    Decided,

    /// <summary>已登记编号, awaiting publication.</summary>
    Registered,

    /// <summary>已公布，尚未施行.</summary>
    NotYetInForce,

    /// <summary>现行有效.</summary>
    InForce,

    /// <summary>有效期届满 (失效).</summary>
    Expired,

    /// <summary>已修改: replaced by an amended document.</summary>
    Amended,

    /// <summary>已废止.</summary>
    Repealed,

    /// <summary>已宣布失效.</summary>
    DeclaredInvalid,

    /// <summary>已撤销 by an oversight body (备案审查).</summary>
    Revoked,
}
