namespace Filing.Core.Register.Specifications;

/// <summary>Filters for the filing inbox; every one is optional.</summary>
/// <param name="Status">Filing status.</param>
/// <param name="Overdue">Only overdue (true) or only not overdue (false) on the day asked.</param>
/// <param name="DocumentId">Filings of one document.</param>
/// <param name="RecipientId">Filings to one oversight body.</param>
public sealed record FilingInboxFilter(
    FilingStatus? Status = null,
    bool? Overdue = null,
    Guid? DocumentId = null,
    Guid? RecipientId = null);
