namespace Filing.Core.Register;

/// <summary>What an API key may do. A key may carry several roles.</summary>
[Flags]
public enum CallerRoles
{
    /// <summary>Anonymous: published documents only.</summary>
    None = 0,

    /// <summary>Uploads drafts and takes them through the procedure (起草单位).</summary>
    Drafter = 1,

    /// <summary>Legality review, registration, publication and filing coordination (法制机构).</summary>
    LegalOffice = 2,

    /// <summary>Records the review it is responsible for (市场监管局 会同审查, 妇联, 卫健委).</summary>
    ReviewerBody = 4,

    /// <summary>Receives and reviews filings (人大常委会, 上级政府, 党委 filing offices).</summary>
    Oversight = 8,

    /// <summary>Manages organisations and keys; sees everything.</summary>
    Admin = 16,
}
