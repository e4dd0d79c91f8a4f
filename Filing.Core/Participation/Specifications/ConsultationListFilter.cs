namespace Filing.Core.Participation.Specifications;

/// <summary>Filters of the public list of comment periods.</summary>
/// <param name="State">Which periods.</param>
/// <param name="RecentDays">For <see cref="ConsultationListState.Current"/>: how many days after their end periods stay listed.</param>
/// <param name="IssuingAuthorityId">Only this issuing authority's drafts.</param>
/// <param name="DocumentId">Only this document's periods.</param>
public sealed record ConsultationListFilter(ConsultationListState State, int RecentDays, Guid? IssuingAuthorityId, Guid? DocumentId);
