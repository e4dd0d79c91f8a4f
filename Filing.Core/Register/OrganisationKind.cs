namespace Filing.Core.Register;

/// <summary>What an organisation is in the filing and review system.</summary>
public enum OrganisationKind
{
    /// <summary>人民政府: an issuing authority (制定机关) with its own unified-number prefix, e.g. 桐庐县人民政府.</summary>
    Government,

    /// <summary>政府工作部门: a drafting department (起草单位) under a government; issues in its own name only with a prefix.</summary>
    Department,

    /// <summary>司法局 / 法制机构: legality review, the register and filing review for the government.</summary>
    LegalOffice,

    /// <summary>市场监督管理局: 公平竞争审查 会同审查 for documents the government issues itself.</summary>
    MarketRegulation,

    /// <summary>妇女联合会: gender-equality assessment (妇女权益保障法 art 8).</summary>
    WomensFederation,

    /// <summary>卫生健康委员会: health-impact screening (基本医疗卫生与健康促进法 art 6).</summary>
    HealthCommission,

    /// <summary>本级人大常委会 filing office (备案审查).</summary>
    NpcFilingOffice,

    /// <summary>上级人民政府: receives filings of the government's documents.</summary>
    HigherGovernment,

    /// <summary>党委 filing office (衔接联动).</summary>
    PartyFilingOffice,

    /// <summary>Runs the Filing service itself.</summary>
    SystemAdministrator,
}
