using Ardalis.Specification;

namespace Filing.Core.Feeds.Specifications;

/// <summary>The change log: events after position <c>after</c> in commit order, oldest first, one page.</summary>
public sealed class ChangesAfterSpec : Specification<RegisterEvent>
{
    /// <summary>Events with a sequence above <paramref name="after"/> that pass <paramref name="filter"/>; <paramref name="take"/> of them.</summary>
    public ChangesAfterSpec(long after, RegisterEventFilter filter, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var types = filter.Types;
        Query
            .Where(e => e.Sequence > after)
            .Where(e => types!.Contains(e.Type), types is { Count: > 0 })
            .Where(e => e.IssuingAuthorityId == filter.IssuingAuthorityId, filter.IssuingAuthorityId is not null)
            .Where(e => e.DocumentId == filter.DocumentId, filter.DocumentId is not null)
            .OrderBy(e => e.Sequence)
            .Take(take);
    }
}
