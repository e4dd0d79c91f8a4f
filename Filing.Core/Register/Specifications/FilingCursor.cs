namespace Filing.Core.Register.Specifications;

/// <summary>Position after the last filing of a page: inbox order is due date, then id.</summary>
/// <param name="DueDate">The last item's due date.</param>
/// <param name="Id">The last item's id.</param>
public sealed record FilingCursor(DateOnly DueDate, Guid Id);
