using Ardalis.Specification;
using Filing.Core.Register;

namespace Filing.Core.Statistics.Specifications;

/// <summary>
/// The filings of the documents published between two days (a cohort: each filing belongs to the year its document was
/// published), by one issuing authority and to one oversight body, or all.
/// </summary>
public sealed class FilingCohortSpec : Specification<OversightFiling>
{
    /// <summary>Filings of documents published on a day in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public FilingCohortSpec(Guid? issuingAuthorityId, Guid? recipientId, DateOnly? from, DateOnly? to)
    {
        Query
            .Where(f => f.IssuingAuthorityId == issuingAuthorityId, issuingAuthorityId is not null)
            .Where(f => f.RecipientId == recipientId, recipientId is not null)
            .Where(f => f.PublishedOn >= from, from is not null)
            .Where(f => f.PublishedOn <= to, to is not null);
    }
}
