using Ardalis.Specification;

namespace Filing.Core.Feeds.Specifications;

/// <summary>The Atom feed: publications, amendments, repeals and expiries, newest first, one page before position <c>before</c>.</summary>
public sealed class FeedEntriesSpec : Specification<RegisterEvent>
{
    /// <summary>Feed events below sequence <paramref name="before"/> (all when null), for one issuing authority or all.</summary>
    public FeedEntriesSpec(long? before, Guid? issuingAuthorityId, int take)
    {
        var types = RegisterEventTypes.Feed;
        Query
            .Where(e => types.Contains(e.Type))
            .Where(e => e.Sequence < before!.Value, before is not null)
            .Where(e => e.IssuingAuthorityId == issuingAuthorityId, issuingAuthorityId is not null)
            .OrderByDescending(e => e.Sequence)
            .Take(take);
    }
}
