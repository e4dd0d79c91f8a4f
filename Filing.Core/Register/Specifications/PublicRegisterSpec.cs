using System.Linq.Expressions;
using Ardalis.Specification;

namespace Filing.Core.Register.Specifications;

/// <summary>
/// The public register: published documents (never drafts, whoever asks), filtered. With a date order it also pages:
/// keyset on (date, id) after <c>after</c>, so a page stays stable while documents are published (no offsets).
/// Relevance order and full-text matching are added by the database layer on top of the criteria.
/// </summary>
public sealed class PublicRegisterSpec : Specification<NormativeDocumentRecord>
{
    /// <summary>The criteria only (counts, facets, full-text joins, export).</summary>
    public PublicRegisterSpec(PublicRegisterFilter filter, DateOnly today) => Criteria(filter, today);

    /// <summary>One page in a date order.</summary>
    /// <exception cref="ArgumentException"><paramref name="sort"/> is relevance (needs the full-text layer).</exception>
    public PublicRegisterSpec(PublicRegisterFilter filter, DateOnly today, RegisterSort sort, RegisterPosition? after, int take)
    {
        Criteria(filter, today);
        var date = after?.Date ?? default;
        var id = after?.Id ?? default;
        switch (sort)
        {
            case RegisterSort.PublishedDescending:
                Query.Where(d => d.PublishedOn < date || (d.PublishedOn == date && d.Id.CompareTo(id) < 0), after is not null)
                    .OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id);
                break;
            case RegisterSort.PublishedAscending:
                Query.Where(d => d.PublishedOn > date || (d.PublishedOn == date && d.Id.CompareTo(id) > 0), after is not null)
                    .OrderBy(d => d.PublishedOn).ThenBy(d => d.Id);
                break;
            case RegisterSort.EffectiveDescending:
                Query.Where(d => d.EffectiveDate < date || (d.EffectiveDate == date && d.Id.CompareTo(id) < 0), after is not null)
                    .OrderByDescending(d => d.EffectiveDate).ThenByDescending(d => d.Id);
                break;
            case RegisterSort.EffectiveAscending:
                Query.Where(d => d.EffectiveDate > date || (d.EffectiveDate == date && d.Id.CompareTo(id) > 0), after is not null)
                    .OrderBy(d => d.EffectiveDate).ThenBy(d => d.Id);
                break;
            default:
                throw new ArgumentException("Relevance order needs the full-text layer.", nameof(sort));
        }

        Query.Take(take);
    }

    /// <summary>The date a document has in <paramref name="sort"/> (publication or effective date).</summary>
    public static DateOnly SortDate(RegisterSort sort, DateOnly? publishedOn, DateOnly? effectiveDate) =>
        (sort is RegisterSort.EffectiveAscending or RegisterSort.EffectiveDescending ? effectiveDate : publishedOn)
        ?? throw new InvalidOperationException("A published document always has its publication and effective dates.");

    private void Criteria(PublicRegisterFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var authorities = filter.IssuingAuthorityIds?.Distinct().ToArray();
        var departments = filter.DraftingDepartmentIds?.Distinct().ToArray();
        var types = filter.DocumentTypes?.Distinct().ToArray();
        var number = filter.UnifiedNumber;
        var authority = authorities is { Length: 1 } ? authorities[0] : default;
        var department = departments is { Length: 1 } ? departments[0] : default;
        var type = types is { Length: 1 } ? types[0] : null;
        var yearStart = filter.Year is { } y ? new DateOnly(y, 1, 1) : default;
        var yearEnd = filter.Year is { } z ? new DateOnly(z, 12, 31) : default;
        Query
            .Where(DocumentVisibility.For(Caller.Anonymous))
            .Where(AnyStatus(filter.Statuses ?? [], today), filter.Statuses is { Count: > 0 })
            .Where(DocumentStatusExpressions.Is(DocumentStatus.InForce, filter.InForceOn ?? default), filter.InForceOn is not null)
            // Implied by the effective date (a document never takes effect before its publication), and stated so
            // that a point-in-time page starts at that day in the publication order instead of walking past every
            // later document (PostgreSQL, 100,000 documents: 44 ms → a few ms for inForceOn=2020-06-30).
            .Where(d => d.PublishedOn <= filter.InForceOn, filter.InForceOn is not null)
            // One value is an equality rather than a one-element IN list: PostgreSQL then walks the (authority,
            // publication date) index in page order instead of collecting and sorting the authority's documents.
            .Where(d => d.IssuingAuthorityId == authority, authorities is { Length: 1 })
            .Where(d => authorities!.Contains(d.IssuingAuthorityId), authorities is { Length: > 1 })
            .Where(d => d.DraftingDepartmentId == department, departments is { Length: 1 })
            .Where(d => departments!.Contains(d.DraftingDepartmentId), departments is { Length: > 1 })
            .Where(d => d.DocumentType == type, types is { Length: 1 })
            .Where(d => d.DocumentType != null && types!.Contains(d.DocumentType), types is { Length: > 1 })
            .Where(d => d.PublishedOn >= filter.PublishedFrom, filter.PublishedFrom is not null)
            .Where(d => d.PublishedOn <= filter.PublishedTo, filter.PublishedTo is not null)
            .Where(d => d.EffectiveDate >= filter.EffectiveFrom, filter.EffectiveFrom is not null)
            .Where(d => d.EffectiveDate <= filter.EffectiveTo, filter.EffectiveTo is not null)
            .Where(d => d.PublishedOn >= yearStart && d.PublishedOn <= yearEnd, filter.Year is not null)
            .Where(d => d.UnifiedNumber == number, number is not null);
    }

    private static Expression<Func<NormativeDocumentRecord, bool>> AnyStatus(IReadOnlyList<DocumentStatus> statuses, DateOnly today)
    {
        if (statuses.Count == 0)
        {
            return d => true;
        }

        var combined = DocumentStatusExpressions.Is(statuses[0], today);
        foreach (var status in statuses.Skip(1).Distinct())
        {
            combined = combined.OrElse(DocumentStatusExpressions.Is(status, today));
        }

        return combined;
    }
}
