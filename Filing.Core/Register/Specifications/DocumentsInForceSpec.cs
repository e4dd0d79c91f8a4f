using Ardalis.Specification;

namespace Filing.Core.Register.Specifications;

/// <summary>An issuing authority's documents in force (or published and not yet in force) on <c>today</c>.</summary>
public sealed class DocumentsInForceSpec : Specification<NormativeDocumentRecord>
{
    public DocumentsInForceSpec(Guid issuingAuthorityId, DateOnly today) =>
        Query
            .Where(d => d.IssuingAuthorityId == issuingAuthorityId)
            .Where(DocumentStatusExpressions.Is(DocumentStatus.InForce, today)
                .OrElse(DocumentStatusExpressions.Is(DocumentStatus.NotYetInForce, today)))
            .OrderBy(d => d.PublishedOn)
            .ThenBy(d => d.Id);
}
