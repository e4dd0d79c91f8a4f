namespace Filing.Core.Participation.Specifications;

/// <summary>Filters of the objection queue.</summary>
/// <param name="Status">Only this status.</param>
/// <param name="Overdue">true: only unanswered past the due date; false: only the others.</param>
/// <param name="DocumentId">Only objections to this document.</param>
public sealed record ObjectionQueueFilter(ObjectionStatus? Status, bool? Overdue, Guid? DocumentId);
