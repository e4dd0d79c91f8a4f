namespace Filing.Core.Register.Specifications;

/// <summary>Filters for the document list; every one is optional.</summary>
/// <param name="Status">Derived status on the day asked.</param>
/// <param name="IssuingAuthorityId">制定机关.</param>
/// <param name="DraftingDepartmentId">起草单位.</param>
/// <param name="DocumentType">文种, exact.</param>
/// <param name="TitleContains">Part of the title.</param>
/// <param name="PublishedFrom">Published on or after.</param>
/// <param name="PublishedTo">Published on or before.</param>
public sealed record DocumentListFilter(
    DocumentStatus? Status = null,
    Guid? IssuingAuthorityId = null,
    Guid? DraftingDepartmentId = null,
    string? DocumentType = null,
    string? TitleContains = null,
    DateOnly? PublishedFrom = null,
    DateOnly? PublishedTo = null);
