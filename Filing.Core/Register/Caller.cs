namespace Filing.Core.Register;

/// <summary>
/// Who is asking: an organisation with the roles of the key it used, or nobody (anonymous). Visibility specs and
/// step permissions are decided from this alone, so every feature applies the same rules.
/// </summary>
/// <param name="OrganisationId">The caller's organisation, or null when anonymous.</param>
/// <param name="Kind">The organisation's kind.</param>
/// <param name="JurisdictionId">The government whose documents it works on.</param>
/// <param name="Roles">Roles of the key.</param>
/// <param name="KeyId">The key used.</param>
/// <param name="Name">Organisation name (and key label) for histories.</param>
public sealed record Caller(
    Guid? OrganisationId,
    OrganisationKind? Kind,
    Guid? JurisdictionId,
    CallerRoles Roles,
    Guid? KeyId,
    string Name)
{
    /// <summary>Nobody: sees published documents only.</summary>
    public static Caller Anonymous { get; } = new(null, null, null, CallerRoles.None, null, "anonymous");

    /// <summary>Whether a valid key was presented.</summary>
    public bool IsAuthenticated => OrganisationId is not null;

    /// <summary>Whether the key carries <paramref name="role"/>.</summary>
    public bool Has(CallerRoles role) => (Roles & role) != 0;

    /// <summary>The caller as the actor of a recorded step.</summary>
    /// <exception cref="InvalidOperationException">The caller is anonymous.</exception>
    public Actor AsActor() => OrganisationId is { } org
        ? new Actor(org, KeyId, Name)
        : throw new InvalidOperationException("An anonymous caller cannot act on the register.");

    /// <summary>A caller acting for <paramref name="organisation"/> with <paramref name="roles"/>.</summary>
    public static Caller For(Organisation organisation, CallerRoles roles, Guid? keyId = null, string? keyLabel = null) =>
        new(organisation.Id, organisation.Kind, organisation.JurisdictionId, roles, keyId,
            keyLabel is null ? organisation.Name : $"{organisation.Name}（{keyLabel}）");
}
