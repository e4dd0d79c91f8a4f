using Ardalis.Specification;

namespace Filing.Core.Register.Specifications;

/// <summary>An issuing authority's cleanups whose lists were published, latest first.</summary>
public sealed class LatestPublishedCleanupSpec : Specification<CleanupCampaign>
{
    public LatestPublishedCleanupSpec(Guid issuingAuthorityId) =>
        Query.Where(c => c.IssuingAuthorityId == issuingAuthorityId && c.Status == CleanupStatus.Published)
            .OrderByDescending(c => c.PublishedOn)
            .Take(1);
}
