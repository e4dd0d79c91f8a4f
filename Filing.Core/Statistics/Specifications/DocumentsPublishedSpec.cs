using Ardalis.Specification;
using Filing.Core.Register;

namespace Filing.Core.Statistics.Specifications;

/// <summary>Documents published (统一发布) between two days, both included, by one issuing authority or all.</summary>
public sealed class DocumentsPublishedSpec : Specification<NormativeDocumentRecord>
{
    /// <summary>Published on a day in [<paramref name="from"/>, <paramref name="to"/>] (open ends when null).</summary>
    public DocumentsPublishedSpec(Guid? issuingAuthorityId, DateOnly? from, DateOnly? to)
    {
        Query
            .Where(d => d.Stage >= LifecycleStage.Published && d.PublishedOn != null)
            .Where(d => d.IssuingAuthorityId == issuingAuthorityId, issuingAuthorityId is not null)
            .Where(d => d.PublishedOn >= from, from is not null)
            .Where(d => d.PublishedOn <= to, to is not null);
    }
}
