namespace Filing.Core.Register;

/// <summary>
/// A body that drafts, issues, reviews or oversees normative documents. Organisations are data (seeded from
/// <c>corpus/demo</c> in Development, created by an administrator in production), never code.
/// </summary>
public sealed class Organisation
{
    private Organisation()
    {
        Code = "";
        Name = "";
    }

    /// <summary>Creates an organisation.</summary>
    /// <param name="id">Stable id.</param>
    /// <param name="code">Short stable code used in data files and URLs (e.g. <c>tonglu-gov</c>).</param>
    /// <param name="name">Official name (e.g. 桐庐县人民政府).</param>
    /// <param name="kind">What it is.</param>
    /// <param name="parentId">The government it belongs to, for departments and reviewing bodies.</param>
    /// <param name="unifiedNumberPrefix">统一编号 prefix when it issues documents in its own name (e.g. CYQD00).</param>
    public Organisation(Guid id, string code, string name, OrganisationKind kind, Guid? parentId, string? unifiedNumberPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (unifiedNumberPrefix is not null && !UnifiedNumber.IsValidPrefix(unifiedNumberPrefix))
        {
            throw new ArgumentException($"'{unifiedNumberPrefix}' is not a unified-number prefix (four capital letters and two digits).", nameof(unifiedNumberPrefix));
        }

        Id = id;
        Code = code;
        Name = name;
        Kind = kind;
        ParentId = parentId;
        UnifiedNumberPrefix = unifiedNumberPrefix;
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Short stable code (e.g. <c>tonglu-gov</c>).</summary>
    public string Code { get; private set; }

    /// <summary>Official name.</summary>
    public string Name { get; private set; }

    /// <summary>What it is.</summary>
    public OrganisationKind Kind { get; private set; }

    /// <summary>The government it belongs to, or null for a government or an independent body.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>统一编号 prefix, when it is an issuing authority (制定机关).</summary>
    public string? UnifiedNumberPrefix { get; private set; }

    /// <summary>Whether documents can be issued in its name (it has a unified-number prefix).</summary>
    public bool IsIssuingAuthority => UnifiedNumberPrefix is not null;

    /// <summary>The government whose documents it works on: itself for a government, else its parent.</summary>
    public Guid JurisdictionId => Kind == OrganisationKind.Government ? Id : ParentId ?? Id;
}
