namespace Filing.Core.Register;

/// <summary>
/// The one derivation of <see cref="DocumentStatus"/> from stored facts and the day asked. Records and list rows
/// projected in SQL both use it; <see cref="Specifications.DocumentStatusExpressions"/> is its SQL form.
/// </summary>
public static class DocumentStatusRules
{
    /// <summary>The status on <paramref name="today"/>.</summary>
    public static DocumentStatus Derive(
        LifecycleStage stage,
        TerminationKind? termination,
        DateOnly? terminatedOn,
        DateOnly? validUntil,
        DateOnly? effectiveDate,
        DateOnly today) => stage switch
    {
        LifecycleStage.Drafting => DocumentStatus.Draft,
        LifecycleStage.InReview => DocumentStatus.InReview,
        LifecycleStage.Approved => DocumentStatus.Approved,
        LifecycleStage.Decided => DocumentStatus.Decided,
        LifecycleStage.Registered => DocumentStatus.Registered,
        _ when termination is { } kind && terminatedOn <= today => kind switch
        {
            TerminationKind.Repealed => DocumentStatus.Repealed,
            TerminationKind.DeclaredInvalid => DocumentStatus.DeclaredInvalid,
            TerminationKind.Amended => DocumentStatus.Amended,
            _ => DocumentStatus.Revoked,
        },
        _ when validUntil < today => DocumentStatus.Expired,
        _ when effectiveDate > today => DocumentStatus.NotYetInForce,
        _ => DocumentStatus.InForce,
    };
}
