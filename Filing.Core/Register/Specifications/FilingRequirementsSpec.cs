using Ardalis.Specification;

namespace Filing.Core.Register.Specifications;

/// <summary>The oversight bodies an issuing authority's documents are filed with.</summary>
public sealed class FilingRequirementsSpec : Specification<FilingRequirement>
{
    public FilingRequirementsSpec(Guid issuingAuthorityId) =>
        Query.Where(r => r.IssuingAuthorityId == issuingAuthorityId).OrderBy(r => r.Id);
}
