using System.Linq.Expressions;

namespace Filing.Core.Register.Specifications;

/// <summary>
/// <see cref="NormativeDocumentRecord.StatusOn"/> as SQL-translatable predicates, so lists filter by derived status
/// (expired, not yet in force…) on the day asked without anything stored. Null checks are spelled out so that
/// SQL's three-valued logic cannot drop rows.
/// </summary>
public static class DocumentStatusExpressions
{
    /// <summary>Documents whose status on <paramref name="today"/> is <paramref name="status"/>.</summary>
    public static Expression<Func<NormativeDocumentRecord, bool>> Is(DocumentStatus status, DateOnly today) => status switch
    {
        DocumentStatus.Draft => d => d.Stage == LifecycleStage.Drafting,
        DocumentStatus.InReview => d => d.Stage == LifecycleStage.InReview,
        DocumentStatus.Approved => d => d.Stage == LifecycleStage.Approved,
        DocumentStatus.Decided => d => d.Stage == LifecycleStage.Decided,
        DocumentStatus.Registered => d => d.Stage == LifecycleStage.Registered,
        DocumentStatus.Repealed => Ended(TerminationKind.Repealed, today),
        DocumentStatus.DeclaredInvalid => Ended(TerminationKind.DeclaredInvalid, today),
        DocumentStatus.Amended => Ended(TerminationKind.Amended, today),
        DocumentStatus.Revoked => Ended(TerminationKind.Revoked, today),
        DocumentStatus.Expired => d => d.Stage >= LifecycleStage.Published
            && (d.Termination == null || d.TerminatedOn == null || d.TerminatedOn > today)
            && d.ValidUntil != null && d.ValidUntil < today,
        DocumentStatus.NotYetInForce => d => d.Stage >= LifecycleStage.Published
            && (d.Termination == null || d.TerminatedOn == null || d.TerminatedOn > today)
            && (d.ValidUntil == null || d.ValidUntil >= today)
            && d.EffectiveDate != null && d.EffectiveDate > today,
        DocumentStatus.InForce => d => d.Stage >= LifecycleStage.Published
            && (d.Termination == null || d.TerminatedOn == null || d.TerminatedOn > today)
            && (d.ValidUntil == null || d.ValidUntil >= today)
            && (d.EffectiveDate == null || d.EffectiveDate <= today),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    private static Expression<Func<NormativeDocumentRecord, bool>> Ended(TerminationKind kind, DateOnly today) =>
        d => d.Stage >= LifecycleStage.Published && d.Termination == kind && d.TerminatedOn != null && d.TerminatedOn <= today;
}
