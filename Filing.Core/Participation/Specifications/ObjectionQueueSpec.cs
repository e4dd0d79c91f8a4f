using Ardalis.Specification;
using Filing.Core.Register;

namespace Filing.Core.Participation.Specifications;

/// <summary>
/// The objections <c>caller</c> may see, filtered, earliest due first (then id), one page after the cursor
/// (<c>afterDue</c>, <c>afterId</c>). Overdue is evaluated for <c>today</c>: no reply and the due date passed.
/// </summary>
public sealed class ObjectionQueueSpec : Specification<Objection>
{
    public ObjectionQueueSpec(Caller caller, ObjectionQueueFilter filter, DateOnly today, DateOnly? afterDue, Guid? afterId, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var due = afterDue ?? default;
        var last = afterId ?? default;
        Query
            .Where(ObjectionVisibility.For(caller))
            .Where(o => o.Status == filter.Status, filter.Status is not null)
            .Where(o => o.RepliedOn == null && o.DueDate < today, filter.Overdue == true)
            .Where(o => o.RepliedOn != null || o.DueDate >= today, filter.Overdue == false)
            .Where(o => o.DocumentId == filter.DocumentId, filter.DocumentId is not null)
            .Where(o => o.DueDate > due || (o.DueDate == due && o.Id.CompareTo(last) > 0), afterDue is not null)
            .OrderBy(o => o.DueDate)
            .ThenBy(o => o.Id)
            .Take(take);
    }
}
