using Ardalis.Specification;

namespace Filing.Core.Register.Specifications;

/// <summary>
/// The filings <c>caller</c> may see (an oversight body: those addressed to it), filtered by status and
/// overdue-on-<c>today</c>, earliest due first, one page after <c>after</c>.
/// </summary>
public sealed class FilingInboxSpec : Specification<OversightFiling>
{
    public FilingInboxSpec(Caller caller, FilingInboxFilter filter, DateOnly today, FilingCursor? after, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var due = after?.DueDate ?? default;
        var lastId = after?.Id ?? default;
        Query
            .Where(FilingVisibility.For(caller))
            .Where(f => f.Status == filter.Status, filter.Status is not null)
            .Where(FilingOverdueExpressions.Overdue(today), filter.Overdue == true)
            .Where(FilingOverdueExpressions.NotOverdue(today), filter.Overdue == false)
            .Where(f => f.DocumentId == filter.DocumentId, filter.DocumentId is not null)
            .Where(f => f.RecipientId == filter.RecipientId, filter.RecipientId is not null)
            .Where(f => f.DueDate > due || (f.DueDate == due && f.Id.CompareTo(lastId) > 0), after is not null)
            .OrderBy(f => f.DueDate)
            .ThenBy(f => f.Id)
            .Take(take);
    }
}
