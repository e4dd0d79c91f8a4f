namespace Filing.Core.Register.Specifications;

/// <summary>Filters of the public register; every one is optional, lists are “any of”.</summary>
/// <param name="Statuses">Derived status on the day asked (public statuses only: in force, not yet in force, expired, amended, repealed, declared invalid, revoked).</param>
/// <param name="IssuingAuthorityIds">制定机关.</param>
/// <param name="DraftingDepartmentIds">起草单位.</param>
/// <param name="DocumentTypes">文种, exact (办法, 意见, 通知…).</param>
/// <param name="InForceOn">In force on this day (point in time: publication and effective dates, validity and end date).</param>
/// <param name="PublishedFrom">Published on or after.</param>
/// <param name="PublishedTo">Published on or before.</param>
/// <param name="EffectiveFrom">施行 on or after.</param>
/// <param name="EffectiveTo">施行 on or before.</param>
/// <param name="Year">Published in this year.</param>
/// <param name="UnifiedNumber">统一编号, in its canonical form.</param>
public sealed record PublicRegisterFilter(
    IReadOnlyList<DocumentStatus>? Statuses = null,
    IReadOnlyList<Guid>? IssuingAuthorityIds = null,
    IReadOnlyList<Guid>? DraftingDepartmentIds = null,
    IReadOnlyList<string>? DocumentTypes = null,
    DateOnly? InForceOn = null,
    DateOnly? PublishedFrom = null,
    DateOnly? PublishedTo = null,
    DateOnly? EffectiveFrom = null,
    DateOnly? EffectiveTo = null,
    int? Year = null,
    string? UnifiedNumber = null)
{
    /// <summary>The statuses a published document can have; anything else is not a public-register status.</summary>
    public static IReadOnlyList<DocumentStatus> PublicStatuses { get; } =
    [
        DocumentStatus.InForce, DocumentStatus.NotYetInForce, DocumentStatus.Expired, DocumentStatus.Amended,
        DocumentStatus.Repealed, DocumentStatus.DeclaredInvalid, DocumentStatus.Revoked,
    ];
}
