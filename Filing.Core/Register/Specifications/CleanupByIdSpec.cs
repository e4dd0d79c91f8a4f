using Ardalis.Specification;

namespace Filing.Core.Register.Specifications;

/// <summary>One cleanup campaign, if <c>caller</c> may see it.</summary>
public sealed class CleanupByIdSpec : Specification<CleanupCampaign>, ISingleResultSpecification<CleanupCampaign>
{
    public CleanupByIdSpec(Guid id, Caller caller) =>
        Query.Where(c => c.Id == id).Where(CleanupVisibility.For(caller));
}
