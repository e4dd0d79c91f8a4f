namespace Filing.Core.Register;

/// <summary>Who did something: the organisation, the key it used and a readable name for the record.</summary>
/// <param name="OrganisationId">The acting organisation.</param>
/// <param name="KeyId">The API key used, when there was one.</param>
/// <param name="Name">Organisation name (and key label), as shown in histories.</param>
public sealed record Actor(Guid OrganisationId, Guid? KeyId, string Name);
