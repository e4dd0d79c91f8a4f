using Ardalis.Specification;

namespace Filing.Core.Participation.Specifications;

/// <summary>
/// Public list of comment periods. <c>current</c>: open or starting later, or ended within <c>recentDays</c>; or one
/// status (open, scheduled, ended-or-closed). Newest start first, then id; one page after the cursor.
/// </summary>
public sealed class ConsultationListSpec : Specification<Consultation>
{
    public ConsultationListSpec(ConsultationListFilter filter, DateOnly today, DateOnly? afterStart, Guid? afterId, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var recentSince = today.AddDays(-filter.RecentDays);
        var start = afterStart ?? default;
        var last = afterId ?? default;
        Query
            .Where(c => c.End >= recentSince, filter.State == ConsultationListState.Current)
            .Where(c => c.Start <= today && c.End >= today && c.ClosedAt == null, filter.State == ConsultationListState.Open)
            .Where(c => c.Start > today && c.ClosedAt == null, filter.State == ConsultationListState.Scheduled)
            .Where(c => c.End < today || c.ClosedAt != null, filter.State == ConsultationListState.Closed)
            .Where(c => c.IssuingAuthorityId == filter.IssuingAuthorityId, filter.IssuingAuthorityId is not null)
            .Where(c => c.DocumentId == filter.DocumentId, filter.DocumentId is not null)
            .Where(c => c.Start < start || (c.Start == start && c.Id.CompareTo(last) < 0), afterStart is not null)
            .OrderByDescending(c => c.Start)
            .ThenByDescending(c => c.Id)
            .Take(take);
    }
}
