using Ardalis.Specification;

namespace Filing.Core.Register.Specifications;

/// <summary>One filing, if <c>caller</c> may see it.</summary>
public sealed class FilingByIdSpec : Specification<OversightFiling>, ISingleResultSpecification<OversightFiling>
{
    public FilingByIdSpec(Guid id, Caller caller) =>
        Query.Where(f => f.Id == id).Where(FilingVisibility.For(caller));
}
