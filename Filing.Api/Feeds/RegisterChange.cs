namespace Filing.Api.Feeds;

/// <summary>
/// One published document (or its search entry) that a register change touched, under the
/// <see cref="EventLogState.RegisterVersion"/> the change produced. Written in the change's own transaction, so that an
/// API instance holding the register snapshot of state <c>v</c> can bring it to state <c>w</c> by re-reading only the
/// documents named under versions <c>v+1 … w</c> (<see cref="Register.Public.RegisterSnapshot.UpdateAsync"/>) instead of
/// the whole register. Old versions are pruned; an instance too far behind reads the register again.
/// </summary>
public sealed class RegisterChange
{
    private RegisterChange()
    {
    }

    /// <summary>Records that the change producing <paramref name="version"/> touched <paramref name="documentId"/>.</summary>
    public RegisterChange(long version, Guid documentId)
    {
        Version = version;
        DocumentId = documentId;
    }

    /// <summary>The register version the change produced.</summary>
    public long Version { get; private set; }

    /// <summary>The document whose public facts or search entry changed (it may no longer be published).</summary>
    public Guid DocumentId { get; private set; }
}
