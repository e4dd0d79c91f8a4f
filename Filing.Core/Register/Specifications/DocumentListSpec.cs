using Ardalis.Specification;

namespace Filing.Core.Register.Specifications;

/// <summary>
/// The documents <c>caller</c> may see, filtered, newest first (ids are time-ordered), one page after
/// <c>after</c>. Pass <c>after: null</c> and count with criteria only for the total.
/// </summary>
public sealed class DocumentListSpec : Specification<NormativeDocumentRecord>
{
    public DocumentListSpec(Caller caller, DocumentListFilter filter, DateOnly today, Guid? after, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var type = filter.DocumentType;
        var title = filter.TitleContains;
        Query
            .Where(DocumentVisibility.For(caller))
            .Where(DocumentStatusExpressions.Is(filter.Status ?? default, today), filter.Status is not null)
            .Where(d => d.IssuingAuthorityId == filter.IssuingAuthorityId, filter.IssuingAuthorityId is not null)
            .Where(d => d.DraftingDepartmentId == filter.DraftingDepartmentId, filter.DraftingDepartmentId is not null)
            .Where(d => d.DocumentType == type, type is not null)
            .Where(d => d.Title.Contains(title!), title is not null)
            .Where(d => d.PublishedOn != null && d.PublishedOn >= filter.PublishedFrom, filter.PublishedFrom is not null)
            .Where(d => d.PublishedOn != null && d.PublishedOn <= filter.PublishedTo, filter.PublishedTo is not null)
            .Where(d => d.Id.CompareTo(after!.Value) < 0, after is not null)
            .OrderByDescending(d => d.Id)
            .Take(take);
    }
}
